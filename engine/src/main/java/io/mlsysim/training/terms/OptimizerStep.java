package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.units.QuantityKind;

/**
 * The optimizer update, once per step and memory-bound: a fused update streams each trainable
 * parameter's state in and out once (moments and fp32 master: read and written), reads its
 * gradient and writes the working weight copy (read and written too when there is no master):
 * {@code P_upd·(2·K + b_g + b_w·(master ? 1 : 2))/β_HBM}, with {@code P_upd} the parameters this
 * rank updates (sharded over the data-parallel group from ZeRO stage 1) and K the state bytes of
 * {@link OptimizerMemory}.
 */
public final class OptimizerStep extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("optimizer_step_latency", QuantityKind.TIME, "ms")
      .describedAs("the optimizer update streaming the rank's optimizer state through HBM");

  public OptimizerStep() {
    super(PORT, Kind.COMPUTE, false);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    TrainingJob j = c.job;
    if (j.optimizer() == OptimizerKind.NONE) {
      return 0;
    }
    double params = j.trainableFraction() * Shards.shard(c.layout, j.zeroStage() >= 1);
    double bw = StepContext.storageBytes(j.precision());
    double perParam = 2 * OptimizerMemory.bytesPerParam(j) + j.gradientPrecision().bytes()
        + bw * (OptimizerMemory.hasMaster(j) ? 1 : 2);
    return params * perParam / c.hbmBandwidth;
  }
}
