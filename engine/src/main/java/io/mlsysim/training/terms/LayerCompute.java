package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Forward and backward of the busiest stage's layers for every micro-batch:
 * {@code m·L_stage·3·t_fwd}, where {@code t_fwd} is one layer's forward on this rank (weight GEMMs
 * and attention core at the achieved GEMM efficiency, see {@link StepContext}); the backward
 * costs twice the forward (Narayanan et al. 2021, arXiv 2104.04473, Section 5.1).
 */
public final class LayerCompute extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("layer_compute_latency", QuantityKind.TIME, "ms")
      .describedAs("forward and backward of the busiest stage's layers, all micro-batches");

  public LayerCompute() {
    super(PORT, Kind.COMPUTE, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    return (double) c.m() * c.layers() * 3 * c.layerForwardTime;
  }
}
