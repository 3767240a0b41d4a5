package io.mlsysim.training.terms;

import static io.mlsysim.training.PublishedFormulas.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.training.PublishedFormulas.Ckpt;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.StepTerms;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingStep;
import org.junit.jupiter.api.Test;

/**
 * The compute time terms, each against its published formula re-derived here: Llama3_70B on
 * Frontier_8K (8192 H100), tp 8, pp 4 (dp 256), batch 2048 (m = 8 micro-batches of one
 * 2048-token sequence), bf16, unless a test says otherwise.
 */
class ComputeTermsTest {

  static final int TP = 8;
  static final int PP = 4;
  static final int DP = 8192 / (TP * PP);
  static final int M = 8;
  static final int BATCH = DP * M;
  static final double S = 2048;
  static final int L_STAGE = LLAMA3_70B_L / PP; // 20
  static final double H = LLAMA3_70B_H;
  static final double VH = (double) LLAMA3_VOCAB * LLAMA3_70B_H;
  /** Dense weights of one layer: (P − V·h)/L, the layout's split (vocabulary counted once). */
  static final double P_LAYER = (LLAMA3_70B_P - VH) / LLAMA3_70B_L;

  static TrainingJob.Builder shape() {
    return TrainingJob.of(Workloads.Language.LLAMA3_70B).batch(BATCH).seqLen((int) S).tp(TP).pp(PP)
        .precision(Precision.BF16)
        .flashAttention(false);
  }

  static TrainingStep step(TrainingJob job) {
    return TrainingStep.of(job, Systems.Clusters.FRONTIER_8K, StepOptions.DEFAULTS);
  }

  static double time(TrainingStep s, Port<Double> term) {
    int i = StepTerms.indexOf(term);
    assertTrue(i >= 0, term.name() + " is registered");
    return s.times[i];
  }

  /** Narayanan et al. 2021 forward of one layer on one rank, at the GEMM curve's efficiency. */
  record Forward(double eta, double gemmSeconds, double attentionSeconds) {
    double total() {
      return gemmSeconds + attentionSeconds;
    }
  }

  static Forward forward(double tokens, double gemmPeak, double attentionPeak) {
    double w = 2 * tokens * H * H / TP;
    double eta = gemmEfficiency(w, gemmPeak, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    double gemmFlops = 2 * tokens * P_LAYER / TP;
    double attentionFlops = 4 * tokens * S * H / TP;
    return new Forward(eta, gemmFlops / (gemmPeak * eta), attentionFlops / (attentionPeak * eta));
  }

  @Test
  void theShapeIsWhatTheTestsAssume() {
    TrainingStep s = step(shape().build());
    assertEquals(256, s.layout.job().dp());
    assertEquals(M, s.layout.microbatches());
    assertEquals(L_STAGE, s.layout.layersPerStage());
    assertEquals(Calibration.DEFAULT_SEQ_LEN, (int) S);
  }

  @Test
  void layerComputeIsThreeForwardsOfEveryStageLayerForEveryMicrobatch() {
    Forward f = forward(S, H100_BF16_FLOPS, H100_BF16_FLOPS);
    double expected = M * L_STAGE * 3 * f.total();
    TrainingStep s = step(shape().build());
    assertRel(expected, time(s, LayerCompute.PORT), "m·L_stage·3·t_fwd");
    assertRel(f.eta(), s.context.efficiency, "η from the GEMM curve");
    // The efficiency curve is below its ceiling and rises with the GEMM size.
    assertTrue(f.eta() < Calibration.GEMM_EFFICIENCY_MAX);
    TrainingStep twoSequences = step(shape().microbatchSize(2).batch(BATCH).build());
    assertTrue(twoSequences.context.efficiency > s.context.efficiency);
    Forward f2 = forward(2 * S, H100_BF16_FLOPS, H100_BF16_FLOPS);
    assertRel((M / 2) * L_STAGE * 3 * f2.total(), time(twoSequences, LayerCompute.PORT), "mbs 2, m 4");
  }

  @Test
  void fp8RunsOnlyTheWeightGemmsAtTheFp8Rate() {
    // η is the curve at each kernel's own peak: the weight GEMMs at the fp8 rate, attention at the
    // 16-bit rate (Transformer Engine keeps it in bf16).
    double w = 2 * S * H * H / TP;
    double eta = gemmEfficiency(w, H100_FP8_FLOPS, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    double eta16 = gemmEfficiency(w, H100_BF16_FLOPS, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    double tFwd = 2 * S * P_LAYER / TP / (H100_FP8_FLOPS * eta) + 4 * S * S * H / TP / (H100_BF16_FLOPS * eta16);
    TrainingStep s = step(shape().precision(Precision.FP8).build());
    assertRel(M * L_STAGE * 3 * tFwd, time(s, LayerCompute.PORT), "fp8 layer compute");
    assertTrue(time(s, LayerCompute.PORT) < time(step(shape().build()), LayerCompute.PORT));
  }

  @Test
  void recomputeFollowsTheCheckpointingStrategy() {
    Forward f = forward(S, H100_BF16_FLOPS, H100_BF16_FLOPS);
    assertEquals(0.0, time(step(shape().checkpointing(ActivationCheckpointing.NONE).build()), Recompute.PORT));
    assertRel(M * L_STAGE * f.attentionSeconds(),
        time(step(shape().checkpointing(ActivationCheckpointing.SELECTIVE).build()), Recompute.PORT),
        "selective reruns the attention core");
    assertRel(M * L_STAGE * f.total(),
        time(step(shape().checkpointing(ActivationCheckpointing.FULL).build()), Recompute.PORT),
        "full reruns the forward");
  }

  @Test
  void outputLayerIsSixTokensVhPerMicrobatch() {
    Forward f = forward(S, H100_BF16_FLOPS, H100_BF16_FLOPS);
    double expected = 3.0 * M * 2 * S * VH / (TP * H100_BF16_FLOPS * f.eta());
    assertRel(expected, time(step(shape().build()), OutputLayerCompute.PORT), "3·m·2·tokens·V·h/(tp·peak·η)");
  }

  /**
   * Fused (flash) attention, the default: the causal kernel skips the masked half of the scores,
   * 2·tokens·s·h/tp instead of 4·tokens·s·h/tp per forward (Dao et al. 2022), and the s×s score
   * matrix never reaches HBM, so the memory-bound kernels stream only the s·h-sized tensors —
   * Korthikanti's selective figure sbh(10 + 24/t).
   */
  @Test
  void flashAttentionHalvesTheScoresAndStreamsNoScoreMatrix() {
    TrainingStep flash = step(shape().flashAttention(true).build());
    double w = 2 * S * H * H / TP;
    double eta = gemmEfficiency(w, H100_BF16_FLOPS, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    double tFwd = (2 * S * P_LAYER / TP + 2 * S * S * H / TP) / (H100_BF16_FLOPS * eta);
    assertRel(M * L_STAGE * 3 * tFwd, time(flash, LayerCompute.PORT), "fused causal attention");
    double kept = korthikantiBytes(S, 1, H, LLAMA3_70B_HEADS, TP, false, Ckpt.SELECTIVE);
    assertRel(Calibration.ELEMENTWISE_PASSES * M * L_STAGE * kept / H100_HBM, time(flash, ElementwiseCompute.PORT),
        "no score matrix streamed");
    assertTrue(time(flash, LayerCompute.PORT) < time(step(shape().build()), LayerCompute.PORT));
  }

  @Test
  void elementwiseStreamsTheUncheckpointedActivationsThroughHbm() {
    // Korthikanti Table 2, no recomputation, 16-bit: sbh(10 + 24/t + 5as/(ht)).
    double a = korthikantiBytes(S, 1, H, LLAMA3_70B_HEADS, TP, false, Ckpt.NONE);
    double perPass = M * L_STAGE * a / H100_HBM;
    // The same traffic whatever is kept: selective and none stream the same bytes.
    assertRel(Calibration.ELEMENTWISE_PASSES * perPass,
        time(step(shape().checkpointing(ActivationCheckpointing.SELECTIVE).build()), ElementwiseCompute.PORT),
        "selective");
    assertRel(Calibration.ELEMENTWISE_PASSES * perPass,
        time(step(shape().checkpointing(ActivationCheckpointing.NONE).build()), ElementwiseCompute.PORT), "none");
    assertRel(Calibration.ELEMENTWISE_PASSES * 4.0 / 3 * perPass,
        time(step(shape().checkpointing(ActivationCheckpointing.FULL).build()), ElementwiseCompute.PORT),
        "full streams the forward again");
    // Sequence parallelism divides the replicated part by tp: sbh/t·(34 + 5as/h).
    double sp = korthikantiBytes(S, 1, H, LLAMA3_70B_HEADS, TP, true, Ckpt.NONE);
    assertRel(Calibration.ELEMENTWISE_PASSES * M * L_STAGE * sp / H100_HBM,
        time(step(shape().sequenceParallel(true).build()), ElementwiseCompute.PORT), "sequence parallel");
    assertTrue(sp < a);
  }

  @Test
  void optimizerStepStreamsMixedPrecisionAdamStateOnce() {
    // Adam in bf16: K = 8 (moments) + 4 (fp32 master); per parameter 2·K + b_g + b_w = 24 + 4 + 2 = 30 bytes.
    double pRank = (P_LAYER * L_STAGE + VH) / TP;
    double perParam = 2 * (Calibration.ADAM_MOMENT_BYTES_PER_PARAM + Calibration.MASTER_WEIGHT_BYTES_PER_PARAM)
        + 4 + 2;
    assertEquals(30.0, perParam);
    assertRel(pRank * perParam / H100_HBM, time(step(shape().build()), OptimizerStep.PORT), "ZeRO-0");
    // ZeRO-1 shards the state (and the update) over dp.
    assertRel(pRank / DP * perParam / H100_HBM, time(step(shape().zeroStage(1).build()), OptimizerStep.PORT),
        "ZeRO-1");
    // 32-bit weights (tf32 training; the zoo gives H100 no plain fp32 tensor rate): no master copy,
    // K = 8; the weights are read and written: 2·8 + 4 + 2·4 = 28.
    assertRel(pRank * 28 / H100_HBM, time(step(shape().precision(Precision.TF32).build()), OptimizerStep.PORT),
        "fp32 Adam");
    // Half the parameters trainable: half the update.
    assertRel(0.5 * pRank * perParam / H100_HBM,
        time(step(shape().trainableFraction(0.5).build()), OptimizerStep.PORT), "f = 0.5");
    assertEquals(0.0, time(step(shape().optimizer(OptimizerKind.NONE).build()), OptimizerStep.PORT));
  }

  @Test
  void stragglerStretchesEverythingBeforeIt() {
    double s = 1.2;
    TrainingStep slow = TrainingStep.of(shape().build(), Systems.Clusters.FRONTIER_8K,
        new StepOptions(false, Calibration.COMM_OVERLAP_EFFICIENCY, 1, s, 1));
    int straggler = StepTerms.indexOf(Straggler.PORT);
    assertEquals(StepTerms.count() - 1, straggler, "stragglers are the last term");
    double before = 0;
    for (int i = 0; i < straggler; i++) {
      before += slow.times[i];
    }
    assertTrue(before > 0);
    assertRel((s - 1) * before, slow.times[straggler], "(s − 1)·(sum before)");
    assertRel(s * before, slow.stepTime, "the step is s times its own work");
    assertEquals(0.0, time(step(shape().build()), Straggler.PORT), "s = 1: no stragglers");
  }
}
