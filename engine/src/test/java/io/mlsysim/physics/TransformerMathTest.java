package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransformerMathTest {

  @Test
  void trainingAndDecodeFlops() {
    // 6·P·D for P = 1e9, D = 1e12 → 6e21; 8·P·D → 8e21
    assertEquals(6e21, TransformerMath.trainingFlops(1e9, 1e12), 1e6);
    assertEquals(8e21, TransformerMath.trainingFlopsFullRecompute(1e9, 1e12), 1e6);
    assertEquals(16.06e9, TransformerMath.decodeFlopsPerToken(8.03e9), 1);
  }

  @Test
  void prefillCausalAndBidirectional() {
    // P = 1e9, L = 10, h = 1000, S = 100: 2·1e9·100 = 2e11; causal 2·10·1000·1e4 = 2e8
    assertEquals(2e11 + 2e8, TransformerMath.prefillFlops(1e9, 10, 1000, 100, AttentionMask.CAUSAL), 1);
    assertEquals(2e11 + 4e8, TransformerMath.prefillFlops(1e9, 10, 1000, 100, AttentionMask.BIDIRECTIONAL), 1);
  }

  @Test
  void servingPrefillWithCachedPrefix() {
    // n = 10 new tokens against S = 100, B = 2, P = 1e6, L = 2, a = 4, d = 8:
    // 2·1e6·10·2 = 4e7; 4·2·4·8·10·100·2 = 512000
    assertEquals(4e7 + 512_000, TransformerMath.servingPrefillFlops(1e6, 2, 4, 8, 10, 100, 2), 1e-6);
  }

  @Test
  void kvCaches() {
    // Llama3_8B, S = 2048: 2·32·8·128·2048·2 = 268435456
    assertEquals(268_435_456, TransformerMath.kvCacheBytes(32, 8, 128, 2048, 1, 2));
    // MLA: 61 layers, 512 + 64, S = 1000, B = 1, b = 2 → 61·576·2000
    assertEquals(61.0 * 576 * 2000, TransformerMath.mlaKvCacheBytes(61, 512, 64, 1000, 1, 2));
    // SSM: 48·4·2560·16·2
    assertEquals(48.0 * 4 * 2560 * 16 * 2, TransformerMath.ssmStateBytes(48, 4, 2560, 16, 2));
  }

  @Test
  void activationsKorthikanti() {
    double s = 1024, mb = 8, h = 4096;
    int a = 32;
    // Korthikanti et al. 2022, Table 2, without parallelism: sbh(34 + 5as/h)
    assertEquals(34 * s * mb * h + 5 * a * s * s * mb,
        TransformerMath.activationBytesPerLayer(s, mb, h, a, 1, false, ActivationCheckpointing.NONE, 2), 1e-3);
    assertEquals(34 * s * mb * h,
        TransformerMath.activationBytesPerLayer(s, mb, h, a, 1, false, ActivationCheckpointing.SELECTIVE, 2));
    // fp32 doubles the 2-byte baseline
    assertEquals(2 * 2 * s * mb * h,
        TransformerMath.activationBytesPerLayer(s, mb, h, a, 1, false, ActivationCheckpointing.FULL, 4));
    // tensor parallelism t = 8: sbh(10 + 24/t + 5as/(ht)); with sequence parallelism sbh/t(34 + 5as/h)
    int t = 8;
    assertEquals(s * mb * h * (10 + 24.0 / t + 5.0 * a * s / (h * t)),
        TransformerMath.activationBytesPerLayer(s, mb, h, a, t, false, ActivationCheckpointing.NONE, 2), 1e-3);
    assertEquals(s * mb * h / t * (34 + 5.0 * a * s / h),
        TransformerMath.activationBytesPerLayer(s, mb, h, a, t, true, ActivationCheckpointing.NONE, 2), 1e-3);
    assertEquals(s * mb * h * (10 + 24.0 / t),
        TransformerMath.activationBytesPerLayer(s, mb, h, a, t, false, ActivationCheckpointing.SELECTIVE, 2), 1e-3);
    assertEquals(34 * s * mb * h / t,
        TransformerMath.activationBytesPerLayer(s, mb, h, a, t, true, ActivationCheckpointing.SELECTIVE, 2), 1e-3);
    assertEquals(2 * s * mb * h / t,
        TransformerMath.activationBytesPerLayer(s, mb, h, a, t, true, ActivationCheckpointing.FULL, 2), 1e-3);
  }

  @Test
  void loraFraction() {
    // 2·16·4096·4·32 / 8.03e9 = 16777216 / 8.03e9
    assertEquals(16_777_216 / 8.03e9, TransformerMath.loraTrainableFraction(16, 4096, 32, 8.03e9), 1e-18);
    assertEquals(1.0, TransformerMath.loraTrainableFraction(16, 4096, 32, 1000));
  }

  @Test
  void enumsParseWithClearErrors() {
    assertEquals(ActivationCheckpointing.SELECTIVE, ActivationCheckpointing.parse(" Selective "));
    assertEquals(OptimizerKind.ADAMW, OptimizerKind.parse("AdamW"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ActivationCheckpointing.parse("partial"));
    assertEquals("activation_checkpointing: unknown strategy 'partial'; use one of none, selective, full",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("lion"));
  }
}
