package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import org.junit.jupiter.api.Test;

class TensorParallelServingModelTest {
  static final HardwareNode H100 = Hardware.Cloud.H100;

  /**
   * Llama 3 70B (80 layers, hidden 8192, 64 heads of 128, 8 KV heads, 70.6e9 parameters) on four
   * H100s (fp8: 1,979 TFLOP/s, 3.35 TB/s, NVLink 900 GB/s bidirectional = 450 GB/s per
   * direction, α 500 ns), 8 prompts of 1,024 tokens, efficiency 0.5, 1 byte per value.
   * Each rank: weights 70.6e9/4; KV 2·80·8·128·1024·8 B over min(4, 8) = 4 ranks.
   * Prefill: (2·P·S·B + 4·L·a·d·S²·B)/4 over 0.5·peak, plus 2 ring all-reduces per layer of
   * B·S·h bytes: 2(N−1)/N·M/β + 2(N−1)α, plus the 0.01 ms dispatch tax.
   * Decode: (W/4 + KV/4)/bw + L·10 µs, plus 2 ring all-reduces per layer of B·h bytes.
   */
  @Test
  void llama70bOnFourH100s() {
    var r = TensorParallelServingModel.solve(Workloads.Language.LLAMA3_70B, H100, 1024, 8, Precision.FP8, 0.5, 4);
    double w = 70.6e9 / 4;
    double kv = 2.0 * 80 * 8 * 128 * 1024 * 8 / 4;
    assertEquals(w, r.weightsPerDevice(), 1);
    assertEquals(kv, r.kvCachePerDevice(), 1e-3);
    double ring = 2.0 * 3 / 4;
    double prefillComm = 2 * 80 * (ring * (8.0 * 1024 * 8192) / 450e9 + 6 * 500e-9);
    double prefillFlop = 2 * 70.6e9 * 1024 * 8 + 4.0 * 80 * 64 * 128 * 1024 * 1024 * 8;
    assertEquals(prefillComm, r.prefillAllreduceTime(), 1e-12);
    assertEquals(prefillFlop / 4 / (1979e12 * 0.5) + prefillComm + 1e-5, r.ttft(), 1e-12);
    double decodeComm = 2 * 80 * (ring * (8.0 * 8192) / 450e9 + 6 * 500e-9);
    assertEquals(decodeComm, r.decodeAllreduceTime(), 1e-15);
    assertEquals((w + kv) / 3.35e12 + 80 * 1e-5 + decodeComm, r.itl(), 1e-12);
    assertEquals(8 / r.itl(), r.decodeTokenRate(), 1e-9);
    assertTrue(r.feasible(), "17.65 GB of weights and 0.34 GB of KV cache fit 80 GiB");
  }

  /** One device, no collectives: exactly the plain serving evaluation. */
  @Test
  void tpOneIsPlainServing() {
    var tp = TensorParallelServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 4, Precision.BF16, 0.5, 1);
    var plain = ServingModel.solve(Workloads.Language.LLAMA3_8B, H100, 2048, 4, Precision.BF16, 0.5);
    assertEquals(plain.ttft(), tp.ttft(), 1e-15);
    assertEquals(plain.itl(), tp.itl(), 1e-15);
    assertEquals(plain.totalMemoryRequired(), tp.memoryPerDevice(), 1e-3);
    assertEquals(0, tp.decodeAllreduceTime());
  }

  /** 141 GB of bf16 weights do not fit one 80 GiB H100; over 8 ranks 17.65 GB each do. */
  @Test
  void shardingMakesSeventyBillionFit() {
    var one = TensorParallelServingModel.solve(Workloads.Language.LLAMA3_70B, H100, 4096, 1, Precision.BF16, 0.5, 1);
    var eight = TensorParallelServingModel.solve(Workloads.Language.LLAMA3_70B, H100, 4096, 1, Precision.BF16, 0.5, 8);
    assertFalse(one.feasible());
    assertTrue(eight.feasible());
    assertEquals(70.6e9 * 2 / 8, eight.weightsPerDevice(), 1);
  }

  /** A KV head is never split: with 8 KV heads, tp 16 leaves each rank one whole head's cache (8/8). */
  @Test
  void kvHeadsBoundTheKvSplit() {
    var r = TensorParallelServingModel.solve(Workloads.Language.LLAMA3_70B, H100, 1024, 1, Precision.BF16, 0.5, 16);
    assertEquals(2.0 * 80 * 8 * 128 * 1024 * 1 * 2 / 8, r.kvCachePerDevice(), 1e-3);
  }

  @Test
  void refusesShardingsThatCannotRun() {
    var heads = assertThrows(IllegalArgumentException.class, () -> TensorParallelServingModel.solve(
        Workloads.Language.LLAMA3_70B, H100, 1024, 1, Precision.BF16, 0.5, 3));
    assertTrue(heads.getMessage().contains("tp 3 must divide the 64 attention heads"), heads.getMessage());
    var link = assertThrows(IllegalArgumentException.class, () -> TensorParallelServingModel.solve(
        Workloads.Language.LLAMA3_8B, Hardware.get("T4"), 1024, 1, Precision.FP16, 0.5, 2));
    assertTrue(link.getMessage().contains("T4 has no device-to-device link"), link.getMessage());
  }
}
