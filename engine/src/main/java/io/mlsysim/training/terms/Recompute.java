package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Work redone in the backward pass to rebuild dropped activations (Korthikanti et al. 2022,
 * arXiv 2205.05198): full checkpointing reruns each layer's forward, {@code m·L_stage·t_fwd};
 * selective checkpointing reruns only the attention core, {@code m·L_stage·F_attn/(peak·η)};
 * none reruns nothing.
 */
public final class Recompute extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("recompute_latency", QuantityKind.TIME, "ms")
      .describedAs("forward work recomputed for the backward pass (activation checkpointing)");

  public Recompute() {
    super(PORT, Kind.COMPUTE, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    double perLayer = switch (c.job.checkpointing()) {
      case FULL -> c.layerForwardTime;
      case SELECTIVE -> c.attentionFlops / (c.attentionPeak * c.attentionEfficiency);
      case NONE -> 0;
    };
    return (double) c.m() * c.layers() * perLayer;
  }
}
