package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Pipeline point-to-point traffic (Narayanan et al. 2021, Section 4.1, scatter/gather
 * optimisation): each micro-batch crosses every virtual-stage boundary forward (activations)
 * and backward (gradients), each TP rank sending its 1/tp share of the boundary tensor:
 * {@code 2·v·m·(tokens·h·b/tp/β + α)·congestion}.
 */
public final class PipelineComm extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("pp_comm_latency", QuantityKind.TIME, "ms")
      .describedAs("pipeline point-to-point sends of the boundary activations");

  public PipelineComm() {
    super(PORT, Kind.COMMUNICATION, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    if (c.job.pp() <= 1) {
      return 0;
    }
    return 2.0 * c.job.interleave() * c.m() * c.placement.pp().pointToPoint(c.boundaryBytes / c.job.tp())
        * c.options.congestion();
  }
}
