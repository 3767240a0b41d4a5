package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.testkit.ResolverContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's resolver contract on every node and serving model, with a realistic sample each. */
class ModelContractTest {

  @Test
  void singleNode() {
    ResolverContract.check(new SingleNodeModel(), Map.of("workload", "Llama3_8B", "hardware", "H100", "batch", 8));
    ResolverContract.check(new SingleNodeModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "training", true, "recomputation", true, "zero_stage", 3, "dp_size", 8));
  }

  @Test
  void efficiency() {
    ResolverContract.check(new EfficiencyModel(), Map.of("hardware", "A100", "kernel", "attention"));
  }

  @Test
  void serving() {
    ResolverContract.check(new ServingModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "seq_len", 4096, "batch", 4, "prefill_chunk", 512, "cached_prefix", 1024));
    ResolverContract.check(new ServingModel(), Map.of("workload", "Llama3_70B", "hardware", "H100",
        "decode_hardware", "H200", "draft_workload", "Llama3_8B", "network_bandwidth", "50 GB/s"));
  }

  @Test
  void continuousBatching() {
    ResolverContract.check(new ContinuousBatchingModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "mean_request_tokens", 512.0, "max_batch_size", 64));
  }

  @Test
  void weightStreaming() {
    ResolverContract.check(new WeightStreamingModel(), Map.of("workload", "Llama3_70B", "hardware", "H100",
        "batch", 16, "prefill", true));
  }

  @Test
  void tailLatency() {
    ResolverContract.check(new TailLatencyModel(), Map.of("arrival_rate", 15.0, "service_time", "100 ms",
        "servers", 2));
  }

  @Test
  void servingCapacity() {
    ResolverContract.check(new ServingCapacityModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "qps", 20.0, "target_p99", "10 s"));
  }

  @Test
  void inferenceScaling() {
    ResolverContract.check(new InferenceScalingModel(), Map.of("workload", "Llama3_8B", "hardware", "H100"));
  }

  @Test
  void compression() {
    ResolverContract.check(new CompressionModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "precision", "int4"));
    ResolverContract.check(new CompressionModel(), Map.of("workload", "ResNet50", "hardware", "A100",
        "method", "pruning", "sparsity", 0.5, "pruning_pattern", "two_four"));
  }

  @Test
  void scaling() {
    ResolverContract.check(new ScalingModel(), Map.of("compute_budget", 1e24));
  }

  @Test
  void allAreDiscoveredAsBuiltIns() {
    List<String> names = List.of("SingleNodeModel", "EfficiencyModel", "ServingModel", "ContinuousBatchingModel",
        "WeightStreamingModel", "TailLatencyModel", "ServingCapacityModel", "InferenceScalingModel",
        "CompressionModel", "ScalingModel");
    for (String n : names) {
      Resolver<?> r = ResolverFactory.standard().get(n);
      assertEquals(n, r.name());
    }
  }
}
