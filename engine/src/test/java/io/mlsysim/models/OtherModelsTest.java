package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Compression.PruningPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand checks of the smaller models. */
class OtherModelsTest {

  @Test
  void efficiencyByKernel() {
    // η = 0.5 is the reference: flash attention 0.75, capped at 0.85 when η rises to 0.6 (0.9 → 0.85)
    var fa = EfficiencyModel.solve(Hardware.Cloud.H100, Precision.FP16, 0.5, EfficiencyModel.Kernel.ATTENTION, true);
    assertEquals(0.75, fa.kernelMfu(), 1e-15);
    assertEquals(0.75 * 989e12, fa.achievableFlops(), 1);
    assertEquals(1 - 0.55, fa.occupancyLoss(), 1e-15);
    assertEquals(Math.max(0, 1 - 0.75 - 0.45), fa.memoryStall(), 1e-15);
    assertEquals(0.85, EfficiencyModel.solve(Hardware.Cloud.H100, Precision.FP16, 0.6,
        EfficiencyModel.Kernel.ATTENTION, true).kernelMfu(), 1e-15);
    assertEquals(0.30, EfficiencyModel.solve(Hardware.Cloud.H100, Precision.FP16, 0.5,
        EfficiencyModel.Kernel.ATTENTION, false).kernelMfu(), 1e-15);
    // conv at η = 0.8: 0.40·0.8/0.5 = 0.64, capped at 0.55
    assertEquals(0.55, EfficiencyModel.solve(Hardware.Cloud.H100, Precision.FP16, 0.8,
        EfficiencyModel.Kernel.CONV, false).kernelMfu(), 1e-15);
  }

  @Test
  void weightStreamingOnAWafer() {
    var hw = Hardware.Cloud.CEREBRAS_CS3;
    var r = WeightStreamingModel.solve(Workloads.Language.LLAMA3_70B, hw, 1, 2048, Precision.FP16, 0.5, false);
    double perLayer = 70.6e9 / 80;
    double link = hw.interconnect() != null ? hw.interconnect().bandwidth() : 100e9;
    assertEquals(perLayer * 2 / link, r.injectTime(), 1e-15);
    double compute = 2 * perLayer / (hw.compute().flops(Precision.FP16) * 0.5) + hw.dispatchTax();
    assertEquals(compute, r.layerComputeTime(), 1e-15);
    assertEquals(Math.max(compute, r.injectTime()), r.layerTime(), 0);
    assertEquals(r.streamingFeasible() ? 1 / (r.layerTime() * 80) : 0, r.streamingThroughput(), 1e-12);
    assertEquals(r.injectTime() * hw.compute().flops(Precision.FP16) * 0.5 / (2 * perLayer), r.optimalBatch(), 1e-9);
  }

  @Test
  void scalingChinchilla() {
    // C = 6·P·D with D = 20·P → P = sqrt(C/120)
    var r = ScalingModel.solve(1.2e24, 0, 0);
    assertEquals(1e11, r.optimalParams(), 1);
    assertEquals(2e12, r.optimalTokens(), 1e3);
    var fixed = ScalingModel.solve(6e23, 0, 1e10);
    assertEquals(1e13, fixed.optimalTokens(), 1);
    var days = ScalingModel.solve(0, 1000, 0);
    assertEquals(1000 * 86400 * 989e12 * 0.40, days.budgetFlop(), 1e9);
  }

  @Test
  void quantizationSpeedupDependsOnTheBottleneck() {
    // Llama3_8B at batch 1 is memory-bound: fp32 → int8 is a 4× ratio and a 4× speedup
    var llm = CompressionModel.quantize(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, 0.5, Precision.FP32,
        Precision.INT8);
    assertEquals(4, llm.compressionRatio());
    assertEquals(4, llm.compressionSpeedup());
    assertEquals(-0.005, llm.accuracyDelta());
    assertEquals(75, llm.memorySavingsPct(), 1e-12);
    // ResNet50 at batch 256 on A100 is compute-bound: fp32 → fp16 runs at 312/19.5 TFLOP/s… capped by r = 2
    var cnn = CompressionModel.quantize(Workloads.Vision.RESNET50, Hardware.Cloud.A100, 256, 0.5, Precision.FP32,
        Precision.FP16);
    double ratio = Hardware.Cloud.A100.compute().flops(Precision.FP16) / Hardware.Cloud.A100.compute().flops(Precision.FP32);
    assertEquals(Math.min(ratio, 2), cnn.compressionSpeedup(), 1e-12);
  }

  @Test
  void pruningAndParetoSweep() {
    var twoFour = CompressionModel.prune(Workloads.Vision.RESNET50, Hardware.Cloud.A100, 1, 0.5, Precision.FP32, 0.5,
        PruningPattern.TWO_FOUR);
    assertEquals(2, twoFour.compressionRatio(), 1e-15);
    assertEquals(2, twoFour.compressionSpeedup());
    assertEquals(-0.001, twoFour.accuracyDelta());
    var sweep = CompressionModel.paretoSweep(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, 0.5,
        Precision.FP32, List.of(Precision.FP16, Precision.INT8, Precision.INT4), new double[] {0.5, 0.9},
        PruningPattern.UNSTRUCTURED);
    assertEquals(5, sweep.size());
    // fp16 (2×, no loss) and int4 (8×) are on the frontier; unstructured 50 % pruning (2× smaller,
    // 1× faster, −0.1 point) is beaten by fp16 on every axis
    assertTrue(sweep.get(0).paretoOptimal());
    assertTrue(sweep.get(2).paretoOptimal());
    assertFalse(sweep.get(3).paretoOptimal());
  }

  @Test
  void reasoningPaysEveryThinkingToken() {
    var s = ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, 1, Precision.FP16, 0.5);
    var r = InferenceScalingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, Precision.FP16, 0.5, 2048, 8);
    assertEquals(400, r.reasoningTokens());
    assertEquals(s.ttft() + 400 * s.itl(), r.reasoningLatency(), 1e-15);
    assertEquals(700 * r.reasoningLatency(), r.reasoningEnergy(), 1e-12);
  }

  @Test
  void servingCapacityFindsTheFirstReplicaCountUnderTheTarget() {
    var r = ServingCapacityModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, Precision.FP16, 0.5, 200,
        10, 2048, 128, 32, 1024, 1);
    assertTrue(r.capacityFeasible(), r.trace().toString());
    assertEquals(32, r.replicaBatch());
    assertTrue(r.replicas() > 1, "200 req/s of 128 tokens need more than one replica");
    var fewer = TailLatencyModel.solve(200, 1 / r.perReplicaQps(), r.replicas() - 1, 1);
    assertTrue(!fewer.queueStable() || r.baseLatency() + fewer.p99Wait() > 10, "one replica fewer misses the target");
    var q = TailLatencyModel.solve(200, 1 / r.perReplicaQps(), r.replicas(), 1);
    assertEquals(r.baseLatency() + q.p99Wait(), r.predictedP99(), 1e-12);
    var tight = ServingCapacityModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, Precision.FP16, 0.5, 20,
        0.01, 2048, 128, 32, 1024, 1);
    assertEquals("Base Latency", tight.capacityBottleneck());
    var huge = ServingCapacityModel.solve(Workloads.get("Llama3_405B"), Hardware.Cloud.H100, Precision.FP16, 0.5, 20,
        10, 2048, 128, 32, 1024, 1);
    assertEquals("Memory", huge.capacityBottleneck());
  }
}
