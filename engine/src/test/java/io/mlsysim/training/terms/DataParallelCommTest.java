package io.mlsysim.training.terms;

import static io.mlsysim.training.PublishedFormulas.*;
import static io.mlsysim.training.terms.ComputeTermsTest.DP;
import static io.mlsysim.training.terms.ComputeTermsTest.H;
import static io.mlsysim.training.terms.ComputeTermsTest.L_STAGE;
import static io.mlsysim.training.terms.ComputeTermsTest.M;
import static io.mlsysim.training.terms.ComputeTermsTest.P_LAYER;
import static io.mlsysim.training.terms.ComputeTermsTest.S;
import static io.mlsysim.training.terms.ComputeTermsTest.TP;
import static io.mlsysim.training.terms.ComputeTermsTest.VH;
import static io.mlsysim.training.terms.ComputeTermsTest.forward;
import static io.mlsysim.training.terms.ComputeTermsTest.shape;
import static io.mlsysim.training.terms.ComputeTermsTest.step;
import static io.mlsysim.training.terms.ComputeTermsTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.Precision;
import io.mlsysim.systems.Fleet;
import io.mlsysim.training.Route;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingStep;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel traffic per ZeRO stage (Rajbhandari et al. 2020, Section 7), with a ring
 * reduce-scatter or all-gather costing half a ring all-reduce. Frontier_8K, Llama3_70B, tp 8,
 * pp 4: the DP group has stride 8, one member per DGX H100 node, 256 members on the NDR fabric.
 */
class DataParallelCommTest {

  static final double ALPHA_IB = Calibration.ALPHA_INTER_NODE;
  static final double ALPHA_NV = Calibration.ALPHA_INTRA_NODE;
  /** Weights one rank of the busiest stage holds: ((P − V·h)/L·⌈L/pp⌉ + V·h)/tp. */
  static final double P_RANK = (P_LAYER * L_STAGE + VH) / TP;

  /** Ring all-reduce over the 256-member DP group on NDR. */
  static double ar(double bytes) {
    return ringAllReduce(bytes, DP, NDR, ALPHA_IB);
  }

  static double dpTime(TrainingJob job) {
    TrainingStep s = step(job);
    assertEquals(Route.FABRIC, s.placement.dp().route());
    return time(s, DataParallelComm.PORT);
  }

  @Test
  void stageZeroIsOneAllReduceOfTheGradients() {
    // fp32 gradients (the default): 4 bytes per parameter.
    assertRel(ar(P_RANK * 4), dpTime(shape().zeroStage(0).build()), "AR(G)");
    assertRel(ar(P_RANK * 2), dpTime(shape().gradientPrecision(Precision.BF16).build()), "AR(G) in bf16");
  }

  @Test
  void stageOneReduceScattersGradientsAndGathersUpdatedWeights() {
    assertRel(ar(P_RANK * 4) / 2 + ar(P_RANK * 2) / 2, dpTime(shape().zeroStage(1).build()), "RS(G) + AG(W)");
  }

  @Test
  void stageTwoReduceScattersEveryMicrobatch() {
    assertRel(ar(P_RANK * 2) / 2 + M * ar(P_RANK * 4) / 2, dpTime(shape().zeroStage(2).build()),
        "AG(W) + m·RS(G)");
  }

  @Test
  void stageThreeGathersWeightsTwiceAndReduceScattersGradientsEveryMicrobatch() {
    assertRel(M * (ar(P_RANK * 4) / 2 + 2 * ar(P_RANK * 2) / 2), dpTime(shape().zeroStage(3).build()),
        "m·(RS(G) + 2·AG(W))");
  }

  @Test
  void zeroThreeIsSlowerThanZeroOneOnTheSameShape() {
    // Acceptance.
    for (Precision g : new Precision[] {Precision.FP32, Precision.BF16}) {
      double z1 = dpTime(shape().zeroStage(1).gradientPrecision(g).build());
      double z3 = dpTime(shape().zeroStage(3).gradientPrecision(g).build());
      assertTrue(z3 > z1, "ZeRO-3 " + z3 + " s vs ZeRO-1 " + z1 + " s with " + g.id() + " gradients");
    }
  }

  @Test
  void withOneMicrobatchAndEqualPrecisionsZeroThreeMovesOneAndAHalfTimesZeroOne() {
    // On the fabric: Frontier_8K, batch 256 = dp → m 1, bf16 weights and gradients.
    TrainingJob.Builder fabric = shape().batch(DP).gradientPrecision(Precision.BF16);
    double z1 = dpTime(fabric.zeroStage(1).build());
    double z3 = dpTime(fabric.zeroStage(3).build());
    assertRel(ar(P_RANK * 2), z1, "ZeRO-1 = AR(W) when b_g = b_w");
    assertRel(1.5 * z1, z3, "fabric route");

    // Inside a node: Llama3_8B on Selene_32 (4 × 8 A100), tp 1, pp 4 → dp 8 on consecutive ranks.
    TrainingJob.Builder intra = TrainingJob.of(Workloads.Language.LLAMA3_8B).flashAttention(false).batch(8).tp(1).pp(4)
        .precision(Precision.BF16).gradientPrecision(Precision.BF16);
    TrainingStep s1 = TrainingStep.of(intra.zeroStage(1).build(), Systems.Clusters.SELENE_32, StepOptions.DEFAULTS);
    TrainingStep s3 = TrainingStep.of(intra.zeroStage(3).build(), Systems.Clusters.SELENE_32, StepOptions.DEFAULTS);
    assertEquals(Route.INTRA_NODE, s1.placement.dp().route());
    assertEquals(1, s1.layout.microbatches());
    double vh = (double) LLAMA3_VOCAB * LLAMA3_8B_H;
    double pRank = (LLAMA3_8B_P - vh) / LLAMA3_8B_L * 8 + vh;
    double z1Intra = time(s1, DataParallelComm.PORT);
    assertRel(ringAllReduce(pRank * 2, 8, DGX_A100_NVLINK, ALPHA_NV), z1Intra, "ZeRO-1 on NVLink");
    assertRel(1.5 * z1Intra, time(s3, DataParallelComm.PORT), "intra-node route");
  }

  @Test
  void frozenWeightsSendNoGradients() {
    for (int z = 0; z <= 2; z++) {
      assertEquals(0.0, dpTime(shape().zeroStage(z).trainableFraction(0).build()), "ZeRO-" + z);
    }
    // ZeRO-3 still gathers the (frozen, sharded) weights forward and backward, and nothing else.
    assertRel(M * 2 * ar(P_RANK * 2) / 2, dpTime(shape().zeroStage(3).trainableFraction(0).build()),
        "ZeRO-3, f = 0: m·2·AG(W)");
    // A quarter trainable: a quarter of the gradient all-reduce's bytes.
    assertRel(ar(0.25 * P_RANK * 4), dpTime(shape().trainableFraction(0.25).build()), "f = 0.25");
  }

  @Test
  void congestionStretchesTheReduction() {
    TrainingStep s = TrainingStep.of(shape().build(), Systems.Clusters.FRONTIER_8K,
        new StepOptions(false, Calibration.COMM_OVERLAP_EFFICIENCY, 2, 1, 1));
    assertRel(2 * ar(P_RANK * 4), time(s, DataParallelComm.PORT), "×congestion");
  }

  @Test
  void overlapHidesTheReductionBehindTheLastBackward() {
    double eff = Calibration.COMM_OVERLAP_EFFICIENCY;
    double t = ar(P_RANK * 4);
    double backward = 2 * L_STAGE * forward(S, H100_BF16_FLOPS, H100_BF16_FLOPS).total();
    double lastBucket = Math.min(1, Calibration.DP_BUCKET_BYTES / (P_RANK * 4));
    double expected = Math.max(t - eff * backward, t * lastBucket);
    TrainingStep s = TrainingStep.of(shape().build(), Systems.Clusters.FRONTIER_8K,
        StepOptions.DEFAULTS.withOverlap(true));
    double overlapped = time(s, DataParallelComm.PORT);
    assertRel(expected, overlapped, "max(t − η·backward, t·bucket)");
    assertTrue(overlapped < t, "overlap reduces it");
    assertTrue(overlapped >= t * lastBucket * (1 - 1e-12), "never below the last bucket");
  }

  @Test
  void overlapNeverHidesTheLastBucket() {
    // Llama3_8B on Selene_32, tp 1, pp 4, dp 8 on NVLink: the backward is longer than the
    // all-reduce, so only the last 25 MiB bucket stays exposed.
    TrainingJob job = TrainingJob.of(Workloads.Language.LLAMA3_8B).flashAttention(false).batch(8).tp(1).pp(4).precision(Precision.BF16)
        .build();
    Fleet selene = Systems.Clusters.SELENE_32;
    TrainingStep plain = TrainingStep.of(job, selene, StepOptions.DEFAULTS);
    TrainingStep over = TrainingStep.of(job, selene, StepOptions.DEFAULTS.withOverlap(true));
    double vh = (double) LLAMA3_VOCAB * LLAMA3_8B_H;
    double pLayer = (LLAMA3_8B_P - vh) / LLAMA3_8B_L;
    double g = (pLayer * 8 + vh) * 4;
    double t = ringAllReduce(g, 8, DGX_A100_NVLINK, ALPHA_NV);
    assertRel(t, time(plain, DataParallelComm.PORT), "AR(G) on NVLink");
    // One layer's forward on the A100 (tp 1, 2048 tokens).
    double w = 2 * S * LLAMA3_8B_H * (double) LLAMA3_8B_H;
    double eta = gemmEfficiency(w, A100_BF16_FLOPS, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    double tFwd = (2 * S * pLayer + 4 * S * S * LLAMA3_8B_H) / (A100_BF16_FLOPS * eta);
    double window = Calibration.COMM_OVERLAP_EFFICIENCY * 2 * 8 * tFwd;
    assertTrue(window > t, "the backward window covers the reduction");
    double lastBucket = Calibration.DP_BUCKET_BYTES / g;
    assertRel(t * lastBucket, time(over, DataParallelComm.PORT), "only the last bucket is exposed");
  }

  @Test
  void overlapOfZeroThreeHidesBehindEveryMicrobatch() {
    double eff = Calibration.COMM_OVERLAP_EFFICIENCY;
    double perMicrobatch = ar(P_RANK * 4) / 2 + 2 * ar(P_RANK * 2) / 2;
    double t = M * perMicrobatch;
    double compute = M * 3 * L_STAGE * forward(S, H100_BF16_FLOPS, H100_BF16_FLOPS).total();
    double lastBucket = Math.min(1, Calibration.DP_BUCKET_BYTES / (P_RANK * 4));
    TrainingStep s = TrainingStep.of(shape().zeroStage(3).build(), Systems.Clusters.FRONTIER_8K,
        StepOptions.DEFAULTS.withOverlap(true));
    assertRel(Math.max(t - eff * compute, t * lastBucket), time(s, DataParallelComm.PORT), "ZeRO-3 overlapped");
  }

  @Test
  void expertGradientsAreReducedOverTheExpertDataParallelGroup() {
    // Mixtral on Lab_64_H100, tp 1, pp 1, ep 8: dp 64 (8 per node on 8 nodes: NVLink then HDR);
    // expert-data-parallel group of 8 with stride 8, one per node: a ring on HDR.
    TrainingJob job = TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).batch(64).tp(1).pp(1).ep(8).build();
    TrainingStep s = TrainingStep.of(job, Systems.Clusters.LAB_64_H100, StepOptions.DEFAULTS);
    assertEquals(Route.HIERARCHICAL, s.placement.dp().route());
    assertEquals(Route.FABRIC, s.placement.expertDp().route());
    double e = (MIXTRAL_P - MIXTRAL_ACTIVE) / (MIXTRAL_E - MIXTRAL_K);
    double expertTotal = MIXTRAL_E * e;
    double dense = MIXTRAL_P - expertTotal; // all layers and the vocabulary, tp 1
    double expert = expertTotal / 8;
    double expected = hierarchicalAllReduce(dense * 4, 8, 8, DGX_H100_NVLINK, ALPHA_NV, HDR, ALPHA_IB)
        + ringAllReduce(expert * 4, 8, HDR, ALPHA_IB);
    assertRel(expected, time(s, DataParallelComm.PORT), "AR_dp(dense) + AR_dp/ep(experts)");
  }
}
