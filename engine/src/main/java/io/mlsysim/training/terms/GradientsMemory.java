package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;

/**
 * Gradients of the trainable parameters in the gradient precision ({@code gradient_precision},
 * default fp32 as Megatron-LM accumulates and reduces them): {@code f·P_rank·b_g}; sharded over
 * the data-parallel group from ZeRO stage 2 (Rajbhandari et al. 2020, Section 5.2).
 */
public final class GradientsMemory implements MemoryTerm {
  public static final Port<Double> PORT = Port.quantity("gradients_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("gradients of the trainable weights on the busiest rank");

  @Override
  public Port<Double> port() {
    return PORT;
  }

  @Override
  public double bytes(TrainingLayout l) {
    return l.job().trainableFraction() * l.job().gradientPrecision().bytes()
        * Shards.shard(l, l.job().zeroStage() >= 2);
  }
}
