package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Pipeline fill and drain of the 1F1B schedule (Narayanan et al. 2021, Section 2.2): the bubble
 * lasts {@code (p−1)/(v·m)} of the ideal, bubble-free pipeline time, i.e. of the per-micro-batch
 * terms before it. As a share of the pipeline's schedule that is {@code (p−1)/(v·m+p−1)}.
 */
public final class PipelineBubble extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("bubble_latency", QuantityKind.TIME, "ms")
      .describedAs("pipeline fill and drain: (p-1)/(v*m) of the bubble-free pipeline time");

  public PipelineBubble() {
    super(PORT, Kind.IDLE, false);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    int p = c.job.pp();
    if (p <= 1) {
      return 0;
    }
    return pipelineSoFar * (p - 1) / ((double) c.job.interleave() * c.m());
  }
}
