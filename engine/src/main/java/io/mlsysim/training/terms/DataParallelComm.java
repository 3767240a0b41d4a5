package io.mlsysim.training.terms;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.training.GroupLink;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;

/**
 * Data-parallel traffic of one optimizer step, per ZeRO stage (Rajbhandari et al. 2020, ZeRO,
 * arXiv 1910.02054, Section 7): dense gradients are reduced over dp, expert gradients over dp/ep;
 * only trainable parameters have gradients. With G the gradient bytes (gradient precision) and W
 * the weight bytes of a rank:
 * <ul>
 *   <li>stage 0: one all-reduce of G per step;</li>
 *   <li>stage 1: a reduce-scatter of G and an all-gather of the updated W per step;</li>
 *   <li>stage 2: gradients are kept only as shards, so each micro-batch reduce-scatters its G;
 *       the updated W is all-gathered once per step;</li>
 *   <li>stage 3: each micro-batch also all-gathers W in the forward and again in the backward —
 *       with one micro-batch 1.5× the traffic of stage 1.</li>
 * </ul>
 * With {@code overlap_comm} the reduction runs bucket by bucket under the backward pass: the
 * once-per-step part hides behind {@code overlap_efficiency} of the last micro-batch's backward,
 * the per-micro-batch part behind that share of every micro-batch's compute, and the last bucket
 * ({@code DP_BUCKET_BYTES}) never hides. Times congestion.
 */
public final class DataParallelComm extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("dp_comm_latency", QuantityKind.TIME, "ms")
      .describedAs("exposed data-parallel gradient reduction and ZeRO parameter gathers");

  public DataParallelComm() {
    super(PORT, Kind.COMMUNICATION, false);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    TrainingLayout l = c.layout;
    TrainingJob j = c.job;
    double f = j.trainableFraction();
    double bg = j.gradientPrecision().bytes();
    double bw = StepContext.storageBytes(j.precision());
    double dense = l.denseParamsPerRank();
    double expert = l.expertParamsPerRank();
    GroupLink dp = c.placement.dp();
    GroupLink edp = c.placement.expertDp();
    double gradients = f * (dense + expert) * bg;
    if (gradients == 0 && j.zeroStage() < 3) {
      return 0;
    }
    // each stage computes only the collectives it runs: this is evaluated for every candidate
    double gradDense = f * dense * bg;
    double gradExpert = f * expert * bg;
    double perStep;
    double perMicrobatch;
    switch (j.zeroStage()) {
      case 0 -> {
        perStep = dp.allReduce(gradDense) + edp.allReduce(gradExpert);
        perMicrobatch = 0;
      }
      case 1 -> {
        perStep = reduceScatter(dp, edp, gradDense, gradExpert) + gatherUpdated(dp, edp, f, dense, expert, bw);
        perMicrobatch = 0;
      }
      case 2 -> {
        perStep = gatherUpdated(dp, edp, f, dense, expert, bw);
        perMicrobatch = reduceScatter(dp, edp, gradDense, gradExpert);
      }
      default -> {
        perStep = 0;
        double gatherAll = dp.halfAllReduce(dense * bw) + edp.halfAllReduce(expert * bw);
        perMicrobatch = reduceScatter(dp, edp, gradDense, gradExpert) + 2 * gatherAll;
      }
    }
    double congestion = c.options.congestion();
    perStep *= congestion;
    double everyMicrobatch = c.m() * perMicrobatch * congestion;
    if (!c.options.overlapComm()) {
      return perStep + everyMicrobatch;
    }
    double lastBucket = gradients > 0 ? Math.min(1, Calibration.DP_BUCKET_BYTES / gradients) : 1;
    double eff = c.options.overlapEfficiency();
    double backward = 2 * c.layers() * c.layerForwardTime;
    double compute = c.m() * 3 * c.layers() * c.layerForwardTime;
    return exposed(perStep, eff * backward, lastBucket) + exposed(everyMicrobatch, eff * compute, lastBucket);
  }

  /** Reduce-scatter of the gradients, dense over dp and expert over the expert-data-parallel group. */
  private static double reduceScatter(GroupLink dp, GroupLink edp, double gradDense, double gradExpert) {
    return dp.halfAllReduce(gradDense) + edp.halfAllReduce(gradExpert);
  }

  /** All-gather of the updated trainable weights after a sharded optimizer step. */
  private static double gatherUpdated(GroupLink dp, GroupLink edp, double f, double dense, double expert, double bw) {
    return dp.halfAllReduce(f * dense * bw) + edp.halfAllReduce(f * expert * bw);
  }

  /** Communication {@code t} overlapped with {@code window} of compute, its last bucket always exposed. */
  private static double exposed(double t, double window, double lastBucket) {
    return Math.max(t - window, t * lastBucket);
  }
}
