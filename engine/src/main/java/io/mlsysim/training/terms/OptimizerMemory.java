package io.mlsysim.training.terms;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;

/**
 * Optimizer state of the trainable parameters: the moments (Adam 8 bytes, SGD 4) plus an fp32
 * master copy whenever the weights are kept in fewer than 32 bits, so mixed-precision Adam holds
 * K = 12 bytes per parameter (Rajbhandari et al. 2020, Section 3.1). Sharded over the
 * data-parallel group from ZeRO stage 1.
 */
public final class OptimizerMemory implements MemoryTerm {
  public static final Port<Double> PORT = Port.quantity("optimizer_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("optimizer moments and fp32 master weights on the busiest rank");

  @Override
  public Port<Double> port() {
    return PORT;
  }

  @Override
  public double bytes(TrainingLayout l) {
    return l.job().trainableFraction() * bytesPerParam(l.job()) * Shards.shard(l, l.job().zeroStage() >= 1);
  }

  /** State bytes per trainable parameter: moments plus the master copy (none without an optimizer). */
  public static double bytesPerParam(TrainingJob job) {
    OptimizerKind o = job.optimizer();
    if (o == OptimizerKind.NONE) {
      return 0;
    }
    double moments = o.adaptive() ? Calibration.ADAM_MOMENT_BYTES_PER_PARAM : Calibration.SGD_MOMENT_BYTES_PER_PARAM;
    return moments + (hasMaster(job) ? Calibration.MASTER_WEIGHT_BYTES_PER_PARAM : 0);
  }

  /** True when the working weights are narrower than fp32, so the optimizer keeps an fp32 master copy. */
  public static boolean hasMaster(TrainingJob job) {
    return StepContext.storageBytes(job.precision()) < Calibration.MASTER_WEIGHT_BYTES_PER_PARAM;
  }
}
