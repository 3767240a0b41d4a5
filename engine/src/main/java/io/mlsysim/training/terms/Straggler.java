package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Waiting for the slowest rank: every synchronous step runs at the pace of its slowest member, so
 * a {@code straggler_factor} of s stretches everything before it by {@code (s−1)·step}.
 */
public final class Straggler extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("straggler_latency", QuantityKind.TIME, "ms")
      .describedAs("waiting for the slowest rank: (straggler_factor - 1) of the step");

  public Straggler() {
    super(PORT, Kind.IDLE, false);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    return (c.options.straggler() - 1) * stepSoFar;
  }
}
