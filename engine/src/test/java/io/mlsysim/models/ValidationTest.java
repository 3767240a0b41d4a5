package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 4 item 4: bad η, precision, batch and sequence length are refused with the input's name. */
class ValidationTest {

  static void refuses(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should name " + fragment);
  }

  @Test
  void efficiencyOutsideTheUnitInterval() {
    // through the edge: the port refuses η ≤ 0; the model refuses η > 1
    ResolverContract.assertRejects(new SingleNodeModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "efficiency", 1.5), "efficiency", "(0, 1]");
    ResolverContract.assertRejects(new SingleNodeModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "efficiency", 0.0), "efficiency");
    ResolverContract.assertRejects(new ServingModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "efficiency", 2.0), "efficiency");
    // called directly, the model refuses both sides itself
    refuses("efficiency", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, Precision.FP16, 0));
    refuses("efficiency", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, Precision.FP16, -0.5));
    refuses("efficiency", () -> ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 128, 1, Precision.FP16, 1.01));
    refuses("efficiency", () -> EfficiencyModel.solve(Hardware.Cloud.H100, Precision.FP16, 1.2,
        EfficiencyModel.Kernel.FFN, true));
  }

  @Test
  void unknownPrecision() {
    ResolverContract.assertRejects(new SingleNodeModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "precision", "fp7"), "precision", "fp16");
    ResolverContract.assertRejects(new ServingModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "precision", "int3"), "precision");
    refuses("precision", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, null, 0.5));
    refuses("precision", () -> ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 128, 1, null, 0.5));
  }

  @Test
  void nonPositiveBatch() {
    ResolverContract.assertRejects(new SingleNodeModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "batch", 0), "batch");
    refuses("batch", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 0, Precision.FP16, 0.5));
    refuses("batch", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, -4, Precision.FP16, 0.5));
    refuses("batch", () -> ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 128, 0, Precision.FP16, 0.5));
    refuses("batch", () -> WeightStreamingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 0, 128,
        Precision.FP16, 0.5, false));
  }

  @Test
  void nonPositiveSequenceLength() {
    ResolverContract.assertRejects(new ServingModel(),
        Map.of("workload", "Llama3_8B", "hardware", "H100", "seq_len", -1), "seq_len");
    refuses("seq_len", () -> ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 0, 1, Precision.FP16, 0.5));
    refuses("seq_len", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, Precision.FP16, 0.5,
        true, 0, 0, 1, false, false));
    refuses("max_seq_len", () -> ContinuousBatchingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 0, 1, 16, 0,
        Precision.FP16));
  }

  @Test
  void otherInputs() {
    refuses("cached_prefix", () -> ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 128, 1,
        Precision.FP16, 0.5, null, 100e9, null, 0.7, 128, 0));
    refuses("workload", () -> ServingModel.solve(Workloads.Vision.RESNET50, Hardware.Cloud.H100, 128, 1, Precision.FP16, 0.5));
    refuses("draft_acceptance", () -> ServingModel.solve(Workloads.Language.LLAMA3_70B, Hardware.Cloud.H100, 128, 1,
        Precision.FP16, 0.5, null, 100e9, Workloads.Language.LLAMA3_8B, 1.5, 0, 0));
    refuses("zero_stage", () -> SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, Precision.FP16, 0.5,
        true, 128, 4, 1, false, false));
    refuses("service_time", () -> TailLatencyModel.solve(1, 0, 1, 1));
    refuses("sparsity", () -> CompressionModel.prune(Workloads.Vision.RESNET50, Hardware.Cloud.A100, 1, 0.5, Precision.FP32,
        1.5, io.mlsysim.physics.Compression.PruningPattern.STRUCTURED));
    refuses("compute_budget", () -> ScalingModel.solve(0, 0, 0));
  }
}
