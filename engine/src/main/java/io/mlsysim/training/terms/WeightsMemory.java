package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;

/**
 * The working copy of the weights: {@code P_rank·b_w}, with {@code b_w} = 2 bytes for 16-bit and
 * fp8 training (fp8 GEMMs cast from a 16-bit copy) and 4 in fp32. ZeRO stage 3 shards them over
 * the data-parallel group (dense weights over dp, expert weights over dp/ep). Rajbhandari et al.
 * 2020, ZeRO (arXiv 1910.02054), Section 5.
 */
public final class WeightsMemory implements MemoryTerm {
  public static final Port<Double> PORT = Port.quantity("weights_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("working copy of the weights on the busiest rank");

  @Override
  public Port<Double> port() {
    return PORT;
  }

  @Override
  public double bytes(TrainingLayout l) {
    int z = l.job().zeroStage();
    return StepContext.storageBytes(l.job().precision()) * Shards.shard(l, z >= 3);
  }
}
