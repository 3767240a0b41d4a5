package io.mlsysim.training.terms;

import static io.mlsysim.training.PublishedFormulas.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.training.MemoryTerms;
import io.mlsysim.training.PublishedFormulas.Ckpt;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import org.junit.jupiter.api.Test;

/**
 * The memory of the busiest training rank, term by term: ZeRO (Rajbhandari et al. 2020) for the
 * model states, Korthikanti et al. 2022 (Table 2) for the activations. Llama3_70B, tp 8, pp 4,
 * dp 32, m = 8 micro-batches of one 2048-token sequence, bf16, unless a test says otherwise.
 */
class MemoryTermsTest {

  static final int TP = 8;
  static final int PP = 4;
  static final int DP = 32;
  static final int M = 8;
  static final double S = 2048;
  static final double H = LLAMA3_70B_H;
  static final double VH = (double) LLAMA3_VOCAB * LLAMA3_70B_H;
  /** ((P − V·h)/L·⌈L/pp⌉ + V·h)/tp: 20 layers and one vocabulary matrix over 8 ranks. */
  static final double P_RANK = ((LLAMA3_70B_P - VH) / LLAMA3_70B_L * 20 + VH) / TP;

  static TrainingJob.Builder shape() {
    return TrainingJob.of(Workloads.Language.LLAMA3_70B).seqLen((int) S).tp(TP).pp(PP).dp(DP).batch(DP * M)
        .precision(Precision.BF16)
        .flashAttention(false);
  }

  static TrainingLayout layout(TrainingJob.Builder b) {
    return TrainingLayout.of(b.build());
  }

  /** Fused attention keeps no s×s scores: without checkpointing it stores Korthikanti's selective figure. */
  @Test
  void flashAttentionStoresNoScoreMatrix() {
    double selective = korthikantiBytes(S, 1, LLAMA3_70B_H, LLAMA3_70B_HEADS, TP, false, Ckpt.SELECTIVE);
    TrainingLayout l = layout(shape().flashAttention(true).checkpointing(ActivationCheckpointing.NONE));
    assertRel(selective * (LLAMA3_70B_L / PP) * Math.min(M, PP), new ActivationMemory().bytes(l), "flash, none");
  }

  @Test
  void weightsAreTwoBytesPerParameterInSixteenBitsAndFp8AndFourInFp32() {
    for (Precision p : new Precision[] {Precision.BF16, Precision.FP16, Precision.FP8}) {
      assertRel(2 * P_RANK, new WeightsMemory().bytes(layout(shape().precision(p))), p.id());
    }
    assertRel(4 * P_RANK, new WeightsMemory().bytes(layout(shape().precision(Precision.FP32))), "fp32");
  }

  @Test
  void onlyZeroThreeShardsTheWeights() {
    assertRel(2 * P_RANK, new WeightsMemory().bytes(layout(shape().zeroStage(2))), "ZeRO-2 keeps them whole");
    assertRel(2 * P_RANK / DP, new WeightsMemory().bytes(layout(shape().zeroStage(3))), "ZeRO-3: /dp");
  }

  @Test
  void gradientsAreInTheGradientPrecisionAndShardedFromZeroTwo() {
    assertRel(4 * P_RANK, new GradientsMemory().bytes(layout(shape())), "fp32 by default");
    assertRel(2 * P_RANK, new GradientsMemory().bytes(layout(shape().gradientPrecision(Precision.BF16))), "bf16");
    assertRel(4 * P_RANK, new GradientsMemory().bytes(layout(shape().zeroStage(1))), "ZeRO-1 keeps them whole");
    assertRel(4 * P_RANK / DP, new GradientsMemory().bytes(layout(shape().zeroStage(2))), "ZeRO-2: /dp");
    assertRel(4 * P_RANK / DP, new GradientsMemory().bytes(layout(shape().zeroStage(3))), "ZeRO-3: /dp");
    assertRel(0.25 * 4 * P_RANK, new GradientsMemory().bytes(layout(shape().trainableFraction(0.25))), "f = 0.25");
  }

  @Test
  void mixedPrecisionAdamKeepsTwelveBytesPerParameterShardedFromZeroOne() {
    // ZeRO Section 3.1: K = 12 (4 + 4 moments, 4 master) in mixed precision; fp32 Adam has no master copy.
    assertEquals(12.0, Calibration.ADAM_MOMENT_BYTES_PER_PARAM + Calibration.MASTER_WEIGHT_BYTES_PER_PARAM);
    assertRel(12 * P_RANK, new OptimizerMemory().bytes(layout(shape())), "bf16 Adam");
    assertRel(12 * P_RANK, new OptimizerMemory().bytes(layout(shape().optimizer(OptimizerKind.ADAMW))), "AdamW");
    assertRel(8 * P_RANK, new OptimizerMemory().bytes(layout(shape().precision(Precision.FP32))), "fp32 Adam");
    assertRel(12 * P_RANK / DP, new OptimizerMemory().bytes(layout(shape().zeroStage(1))), "ZeRO-1: /dp");
    // SGD with momentum: one 4-byte buffer plus the master copy.
    assertRel((Calibration.SGD_MOMENT_BYTES_PER_PARAM + 4) * P_RANK,
        new OptimizerMemory().bytes(layout(shape().optimizer(OptimizerKind.SGD))), "SGD");
    assertEquals(0.0, new OptimizerMemory().bytes(layout(shape().optimizer(OptimizerKind.NONE))));
  }

  @Test
  void fp8TrainingKeepsFp32MasterWeights() {
    // Acceptance: fp8 GEMMs cast from 16-bit weights; the optimizer still holds moments and an fp32 master.
    TrainingLayout l = layout(shape().precision(Precision.FP8));
    assertRel(12 * P_RANK, new OptimizerMemory().bytes(l), "optimizer memory P_rank·12");
    assertRel(2 * P_RANK, new WeightsMemory().bytes(l), "2 bytes per weight");
  }

  @Test
  void expertStateIsShardedOverTheExpertDataParallelGroup() {
    // Mixtral, tp 1, pp 1, dp 16, ep 4 → expert-data-parallel degree 4; ZeRO-1.
    double e = (MIXTRAL_P - MIXTRAL_ACTIVE) / (MIXTRAL_E - MIXTRAL_K);
    double experts = MIXTRAL_E * e / 4; // each rank holds E/ep experts
    double dense = MIXTRAL_P - MIXTRAL_E * e;
    TrainingLayout l = TrainingLayout.of(TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).tp(1).pp(1).dp(16).ep(4)
        .batch(16).zeroStage(1).build());
    assertRel(2 * (dense + experts), new WeightsMemory().bytes(l), "weights whole at ZeRO-1");
    assertRel(12 * (dense / 16 + experts / 4), new OptimizerMemory().bytes(l), "dense over dp, experts over dp/ep");
  }

  /** Korthikanti bytes of one layer for this shape, times 20 layers, times p = 4 micro-batches in flight. */
  static double activations(double mbs, int tp, boolean sp, Ckpt c) {
    return korthikantiBytes(S, mbs, H, LLAMA3_70B_HEADS, tp, sp, c) * 20 * 4;
  }

  @Test
  void activationsFollowKorthikantiTableTwo() {
    Object[][] cases = {
        {ActivationCheckpointing.NONE, false, Ckpt.NONE},
        {ActivationCheckpointing.SELECTIVE, false, Ckpt.SELECTIVE},
        {ActivationCheckpointing.SELECTIVE, true, Ckpt.SELECTIVE},
        {ActivationCheckpointing.NONE, true, Ckpt.NONE},
        {ActivationCheckpointing.FULL, false, Ckpt.FULL}};
    for (Object[] c : cases) {
      ActivationCheckpointing ac = (ActivationCheckpointing) c[0];
      boolean sp = (Boolean) c[1];
      TrainingLayout l = layout(shape().checkpointing(ac).sequenceParallel(sp));
      assertRel(activations(1, TP, sp, (Ckpt) c[2]), new ActivationMemory().bytes(l), ac.id() + (sp ? "+SP" : ""));
    }
    // Spelled out once: selective, no SP = sbh(10 + 24/t) = 2048·8192·13 bytes per layer.
    assertRel(2048.0 * 8192 * 13 * 20 * 4,
        new ActivationMemory().bytes(layout(shape().checkpointing(ActivationCheckpointing.SELECTIVE))), "sbh·13");
  }

  @Test
  void activationsScaleLinearlyWithMicrobatchSize() {
    // Acceptance: same m (8), micro-batches of 1, 2 and 4 sequences.
    for (ActivationCheckpointing ac : ActivationCheckpointing.values()) {
      double one = new ActivationMemory().bytes(layout(shape().checkpointing(ac).microbatchSize(1).batch(DP * M)));
      double two = new ActivationMemory().bytes(layout(shape().checkpointing(ac).microbatchSize(2).batch(DP * M * 2)));
      double four = new ActivationMemory().bytes(layout(shape().checkpointing(ac).microbatchSize(4).batch(DP * M * 4)));
      assertRel(2 * one, two, ac.id() + " ×2");
      assertRel(4 * one, four, ac.id() + " ×4");
    }
  }

  @Test
  void activationsFallWithTensorParallelismUnderSequenceParallelism() {
    // Acceptance: at selective + SP every tensor is split, 34sbh/t, so tp 1 holds 8× what tp 8 does.
    TrainingJob.Builder b = shape().checkpointing(ActivationCheckpointing.SELECTIVE).sequenceParallel(true);
    double tp1 = new ActivationMemory().bytes(layout(b.tp(1)));
    double tp8 = new ActivationMemory().bytes(layout(b.tp(8)));
    assertRel(8 * tp8, tp1, "tp 1 vs tp 8");
    assertRel(activations(1, 1, true, Ckpt.SELECTIVE), tp1, "34sbh at tp 1");
    // Without SP the 10sbh part stays replicated: tp 8 saves less than 8×.
    double noSp1 = new ActivationMemory().bytes(layout(shape().tp(1)));
    double noSp8 = new ActivationMemory().bytes(layout(shape().tp(8)));
    assertTrue(noSp1 / noSp8 < 8);
    assertRel(34.0 / 13, noSp1 / noSp8, "sbh·34 vs sbh·13");
  }

  @Test
  void activationsCountTheMicrobatchesInFlight() {
    double perStage = korthikantiBytes(S, 1, H, LLAMA3_70B_HEADS, TP, false, Ckpt.SELECTIVE) * 20;
    // 1F1B with m = 2 < p = 4: two micro-batches in flight.
    assertRel(2 * perStage, new ActivationMemory().bytes(layout(shape().batch(DP * 2))), "min(m, p) = 2");
    // Interleaved, v = 2: p·(1 + (p−1)/(p·v)) = 4·(1 + 3/8) = 5.5.
    assertRel(5.5 * perStage, new ActivationMemory().bytes(layout(shape().interleave(2))), "interleaved");
    // fp32 activations take twice the bytes.
    assertRel(2 * 4 * perStage, new ActivationMemory().bytes(layout(shape().precision(Precision.FP32))), "fp32");
  }

  @Test
  void buffersAreAShareOfTheGradientsPlusPipelineSendAndReceive() {
    double f = Calibration.COMM_BUFFER_FRACTION;
    double sendReceive = 2 * S * H * 2 / TP;
    assertRel(f * 4 * P_RANK + sendReceive, new BufferMemory().bytes(layout(shape())), "pp 4");
    // Without a pipeline only the gradient buckets: the rank holds P/tp.
    double pTp = LLAMA3_70B_P / TP;
    assertRel(f * 4 * pTp, new BufferMemory().bytes(layout(shape().pp(1))), "pp 1");
    assertRel(0.1 * 4 * pTp, new BufferMemory().bytes(layout(shape().pp(1).bufferFraction(0.1))), "fraction 0.1");
    // From ZeRO-2 the gradients, and so their buckets, are a shard.
    assertRel(f * 4 * P_RANK / DP + sendReceive, new BufferMemory().bytes(layout(shape().zeroStage(2))), "ZeRO-2");
  }

  @Test
  void theFootprintIsTheSumOfItsTerms() {
    TrainingLayout l = layout(shape());
    double expected = 2 * P_RANK + 4 * P_RANK + 12 * P_RANK
        + activations(1, TP, false, Ckpt.SELECTIVE)
        + Calibration.COMM_BUFFER_FRACTION * 4 * P_RANK + 2 * S * H * 2 / TP;
    assertRel(expected, MemoryTerms.total(l), "weights + gradients + optimizer + activations + buffers");
    assertEquals(5, MemoryTerms.count());
  }
}
