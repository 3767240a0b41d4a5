package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.core.MapInputs;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.workloads.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleNodeModelTest {
  static final double EPS = 1e-12;
  static final HardwareNode ESP32 = Hardware.get("ESP32_S3");
  static final Workload WAKE = Workloads.get("WakeVision");

  /**
   * ESP32-S3: 520 KiB SRAM at 0.96 GB/s, 4 MB flash at 0.08 GB/s. WakeVision has 250e3
   * parameters: at int8 its 250 kB of weights fit in SRAM (532,480 B), so they stream at SRAM
   * speed; at fp32 the 1 MB does not, so they stream from flash.
   */
  @Test
  void esp32PicksSramWhenWeightsFitElseFlash() {
    var int8 = SingleNodeModel.solve(WAKE, ESP32, 1, Precision.INT8, 0.5);
    assertTrue(int8.feasible());
    assertEquals(0.96e9, int8.peakBwActual(), 1);
    // t_memory = W(1 + 0.1·B)/bw = 250e3 · 1.1 / 0.96e9
    assertEquals(250e3 * 1.1 / 0.96e9, int8.latencyMemory(), EPS);
    // t_compute = ops·B/(peak_int8·η) = 25e6 / (2.4e9 · 0.5)
    assertEquals(25e6 / 1.2e9, int8.latencyCompute(), EPS);
    assertEquals("Compute", int8.bottleneck());
    assertEquals(int8.latencyCompute() + ESP32.dispatchTax() + WAKE.layers() * 1e-5, int8.latency(), EPS);

    var fp32 = SingleNodeModel.solve(WAKE, ESP32, 1, Precision.FP32, 0.5);
    assertTrue(fp32.feasible(), "1 MB fits the 4 MB flash");
    assertEquals(0.08e9, fp32.peakBwActual(), 1);
    assertEquals(1e6 * 1.1 / 0.08e9, fp32.latencyMemory(), EPS);
    assertFalse(fp32.offloaded());
  }

  /**
   * Training Llama3_70B on one H100 needs far more than 80 GiB (18 B/param alone is 1.27 TB), so
   * the spill streams over the host link: min(3.35 TB/s HBM, 64 GB/s PCIe) = 64 GB/s.
   */
  @Test
  void infeasibleTrainingOffloadsOverTheHostLink() {
    Workload llama70 = Workloads.get("Llama3_70B");
    var r = SingleNodeModel.solve(llama70, Hardware.Cloud.H100, 1, Precision.FP16, 0.5, true, 2048, 0, 1, false, false);
    double capacity = 80 * Math.pow(2, 30);
    assertFalse(r.feasible());
    assertTrue(r.offloaded());
    assertEquals(64e9, r.peakBwActual(), 1);
    assertEquals(r.memoryFootprint() - capacity, r.spilledBytes(), 1);
    // footprint: 70.6e9·(2 + 4 + 12) — fp16 weights, fp32 gradients (Megatron's default), Adam's
    // moments and the fp32 master copy — plus activations without checkpointing,
    // 80 layers × (34·S·h + 5·a·S²)·(b/2) with S = 2048, h = 8192, a = 64
    double act = 80 * (34.0 * 2048 * 8192 + 5.0 * 64 * 2048 * 2048);
    // and communication buffers, 5 % of the gradient bytes
    assertEquals(70.6e9 * 18 + act + 0.05 * 70.6e9 * 4, r.memoryFootprint(), 1e3);
    // t_memory = W(1 + 0.1)/64 GB/s with W = 141.2 GB
    assertEquals(141.2e9 * 1.1 / 64e9, r.latencyMemory(), 1e-9);
    assertTrue(r.trace().get(0).startsWith("Memory Wall: FAILED"), r.trace().get(0));
  }

  /** A device with no host link falls back to 64 GB/s, capped by its own memory bandwidth. */
  @Test
  void offloadWithoutInterconnectUsesTheFallbackCappedByMemoryBandwidth() {
    var r = SingleNodeModel.solve(Workloads.Vision.RESNET50, ESP32, 1, Precision.FP16, 0.5);
    assertFalse(r.feasible());
    assertEquals(0.08e9, r.peakBwActual(), 1); // min(0.08 GB/s, 64 GB/s)
    assertEquals(51.2e6 - ESP32.memory().capacity(), r.spilledBytes(), 1);
  }

  @Test
  void recomputationCostsAQuarterMoreFlopsAndRaisesHfu() {
    Workload llama8 = Workloads.Language.LLAMA3_8B;
    var plain = SingleNodeModel.solve(llama8, Hardware.Cloud.H100, 4, Precision.FP16, 0.5, true, 2048, 3, 64, false, false);
    var recompute = SingleNodeModel.solve(llama8, Hardware.Cloud.H100, 4, Precision.FP16, 0.5, true, 2048, 3, 64, false, true);
    assertEquals(plain.latencyCompute() * 4 / 3, recompute.latencyCompute(), 1e-12);
    assertEquals(recompute.mfu() * 4 / 3, recompute.hfu(), 1e-12);
    assertEquals(plain.mfu(), plain.hfu());
    assertTrue(recompute.memoryFootprint() < plain.memoryFootprint(), "selective checkpointing drops the S² term");
  }

  @Test
  void traceNamesTheMemoryWallLazily() {
    var view = io.mlsysim.core.ResultView.of(new SingleNodeModel().schema(), new SingleNodeModel().evaluate(
        MapInputs.of(new SingleNodeModel(), Map.of("workload", "Llama3_8B", "hardware", "H100"))));
    assertEquals("Memory Wall: Passed (16.1 GB of 85.9 GB)", view.trace().get(0));
  }

  @Test
  void arithmeticIntensityUsesTheRooflineTraffic() {
    // ResNet50 at batch 32: 8.2e9·32 FLOP over 51.2e6·(1 + 3.2) B
    var r = SingleNodeModel.solve(Workloads.Vision.RESNET50, Hardware.Cloud.A100, 32, Precision.FP16, 0.5);
    assertEquals(8.2e9 * 32 / (51.2e6 * 4.2), r.arithmeticIntensity(), 1e-9);
    assertEquals(312e12 / 2039e9, r.ridgePoint(), 1e-9);
  }
}
