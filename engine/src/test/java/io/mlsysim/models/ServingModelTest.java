package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.WorkloadTier;
import org.junit.jupiter.api.Test;

class ServingModelTest {
  static final HardwareNode H100 = Hardware.Cloud.H100;

  /**
   * DeepSeek-V3 caches one latent vector of kv_lora_rank + qk_rope_head_dim = 512 + 64 = 576
   * values per token and layer instead of K and V for each of 56 heads. At S = 4096, B = 1, fp16:
   * 61 · 576 · 4096 · 1 · 2 B = 287,834,112 B; full multi-head attention would need
   * 2 · 61 · 56 · 128 · 4096 · 2 = 7,163,871,232 B, about 25× more.
   */
  @Test
  void latentAttentionShrinksTheKvCache() {
    var r = ServingModel.solve(Workloads.Language.DEEPSEEK_V3, H100, 4096, 1, Precision.FP16, 0.5);
    assertEquals(287_834_112.0, r.kvCacheSize(), 0);
    assertEquals(1.342e12 + 287_834_112.0, r.totalMemoryRequired(), 1);
    assertFalse(r.servingFeasible(), "671e9 parameters do not fit one H100");
    // prefill on the 37e9 active parameters: 2·P_active·S + 4·L·a·d·S·S
    double prefill = 2 * 37e9 * 4096 + 4.0 * 61 * 56 * 128 * 4096 * 4096;
    assertEquals(prefill / (989e12 * 0.5) + H100.dispatchTax(), r.ttft(), 1e-12);
  }

  /**
   * Speculative decoding with acceptance α and K drafted tokens emits the accepted prefix plus
   * one token of the target: E = Σ_{i=0..K} α^i = 1 + α(1 − α^K)/(1 − α). For α = 0.7, K = 4:
   * 1 + 0.7 + 0.49 + 0.343 + 0.2401 = 2.7731. Each verification costs K draft steps plus one
   * target step, so ITL = (K·t_draft + ITL_target)/E.
   */
  @Test
  void speculativeDecoding() {
    TransformerWorkload draft = new TransformerWorkload("Draft1B", WorkloadTier.LANGUAGE, 1e9, Double.NaN, 16, 2048,
        16, 4, 0, 0, 32_000, Double.NaN, Double.NaN, Provenance.convention("test/draft", "hand-made draft"));
    var plain = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 1, Precision.FP16, 0.5);
    var spec = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 1, Precision.FP16, 0.5, null, 100e9, draft, 0.7, 0, 0);
    assertEquals(2.7731, spec.speculativeTokensPerStep(), 1e-12);
    // draft step: (W_d + KV_d)/bw = (2e9 + 2·16·4·128·2048·2)/3.35e12
    double tDraft = (2e9 + 2.0 * 16 * 4 * 128 * 2048 * 2) / 3.35e12;
    assertEquals((4 * tDraft + plain.itl()) / 2.7731, spec.itl(), 1e-15);
    assertEquals(plain.totalMemoryRequired() + 2e9, spec.totalMemoryRequired(), 1);
  }

  /** Disaggregated decode: the KV cache crosses the network once, then decode runs on the second device. */
  @Test
  void disaggregatedDecode() {
    HardwareNode h200 = Hardware.get("H200");
    var r = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 1, Precision.FP16, 0.5, h200, 50e9, null, 0.7, 0, 0);
    var local = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 1, Precision.FP16, 0.5);
    double kv = 2.0 * 32 * 8 * 128 * 2048 * 2; // 268,435,456 B
    assertEquals(kv / 50e9, r.kvTransferTime(), 1e-15);
    assertEquals(local.ttft() + kv / 50e9, r.ttft(), 1e-15);
    assertEquals((16.06e9 + kv) / 4.8e12 + 32 * 1e-5, r.itl(), 1e-15);
  }

  /**
   * Prefix caching skips the cached tokens' prefill but keeps their KV; chunking pays the dispatch
   * tax once per chunk. S = 2048 with 512 cached: n = 1536 new tokens, chunks of 512 → 3 chunks.
   */
  @Test
  void prefixCachingAndChunkedPrefill() {
    var r = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 1, Precision.FP16, 0.5, null, 100e9, null, 0.7, 512, 512);
    double flop = 2 * 8.03e9 * 1536 + 4.0 * 32 * 32 * 128 * 1536 * 2048;
    assertEquals(3, r.prefillChunks());
    assertEquals(flop / (989e12 * 0.5) + 3 * H100.dispatchTax(), r.ttft(), 1e-15);
    double chunk = (2 * 8.03e9 * 512 + 4.0 * 32 * 32 * 128 * 512 * 2048) / (989e12 * 0.5) + H100.dispatchTax();
    assertEquals(chunk, r.decodeStallBound(), 1e-15);
    assertEquals(0.25, r.promptCacheHitRatio());
    assertEquals(2.0 * 32 * 8 * 128 * 2048 * 2, r.kvCacheSize(), 0, "the KV cache still covers all 2048 tokens");
    assertTrue(r.servingFeasible());
  }
}
