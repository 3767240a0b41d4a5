package io.mlsysim.training;

import static io.mlsysim.training.PublishedFormulas.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.InfeasibleException;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.models.TrainingMemoryModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DistributedModel through the generic pipeline API: one column per term, and sums that add up. */
class DistributedModelTermsTest {

  static final List<String> TIME_TERMS = List.of("layer_compute_latency", "recompute_latency", "output_layer_latency",
      "elementwise_latency", "tp_comm_latency", "ep_comm_latency", "pp_comm_latency", "bubble_latency",
      "dp_comm_latency", "optimizer_step_latency", "straggler_latency");
  static final List<String> COMPUTE_TERMS = List.of("layer_compute_latency", "recompute_latency",
      "output_layer_latency", "elementwise_latency", "optimizer_step_latency");
  static final List<String> COMM_TERMS = List.of("tp_comm_latency", "ep_comm_latency", "pp_comm_latency",
      "dp_comm_latency");
  static final List<String> MEMORY_TERMS = List.of("weights_memory", "gradients_memory", "optimizer_memory",
      "activation_memory", "buffer_memory");

  /** Llama3_70B on Frontier_8K (8192 H100), tp 8, pp 4 → dp 256; batch 1024 → m = 4; a few knobs off default. */
  static Map<String, Object> inputs() {
    Map<String, Object> in = new HashMap<>();
    in.put("workload", "Llama3_70B");
    in.put("fleet", "Frontier_8K");
    in.put("batch", 1024);
    in.put("tp", 8);
    in.put("pp", 4);
    in.put("precision", "bf16");
    in.put("zero_stage", 1);
    in.put("sequence_parallel", true);
    in.put("straggler_factor", 1.05);
    return in;
  }

  static ResultView run(Map<String, Object> in) {
    return Pipeline.of(new DistributedModel()).run(in).view("DistributedModel");
  }

  static double sum(ResultView v, List<String> names) {
    double s = 0;
    for (String n : names) {
      s += v.field(n).number();
    }
    return s;
  }

  @Test
  void everyTermHasAColumn() {
    ResultView v = run(inputs());
    for (String n : TIME_TERMS) {
      double t = v.field(n).number();
      assertTrue(t >= 0 && Double.isFinite(t), n + " = " + t);
    }
    for (String n : MEMORY_TERMS) {
      double b = v.field(n).number();
      assertTrue(b > 0 && Double.isFinite(b), n + " = " + b);
    }
    for (String n : List.of("layer_compute_latency", "tp_comm_latency", "pp_comm_latency", "bubble_latency",
        "dp_comm_latency", "optimizer_step_latency", "straggler_latency")) {
      assertTrue(v.field(n).number() > 0, n + " is active on this shape");
    }
    assertEquals(0.0, v.field("ep_comm_latency").number(), "a dense model sends no tokens to experts");
    assertEquals(TIME_TERMS.size(), StepTerms.count(), "no unlisted time term");
    assertEquals(MEMORY_TERMS.size(), MemoryTerms.count(), "no unlisted memory term");
  }

  @Test
  void theSummariesAreSumsOfTheTermColumns() {
    ResultView v = run(inputs());
    assertRel(sum(v, TIME_TERMS), v.field("step_latency").number(), 1e-12, "step_latency");
    assertRel(sum(v, COMPUTE_TERMS), v.field("rank_compute_latency").number(), 1e-12, "rank_compute_latency");
    assertRel(sum(v, COMM_TERMS), v.field("comm_latency").number(), 1e-12, "comm_latency");
    assertRel(sum(v, MEMORY_TERMS), v.field("memory_per_rank").number(), 1e-12, "memory_per_rank");
    // Stragglers: (1.05 − 1) of everything before them.
    assertRel(0.05 * (sum(v, TIME_TERMS) - v.field("straggler_latency").number()),
        v.field("straggler_latency").number(), "straggler");
  }

  @Test
  void degreesAndMicrobatchesAreExported() {
    ResultView v = run(inputs());
    assertEquals(8192 / (8 * 4), (int) v.field("dp").number());
    assertEquals(1024 / 256, (int) v.field("microbatches").number());
    assertRel(3.0 / (4 + 3), v.field("bubble_fraction").number(), "(p−1)/(m + p−1)");
    Map<String, Object> in = inputs();
    in.put("microbatch_size", 2);
    assertEquals(1024 / (256 * 2), (int) run(in).field("microbatches").number());
  }

  @Test
  void memoryPerRankIsTrainingMemoryModelsFootprintAtTheExportedDp() {
    ResultView v = run(inputs());
    int dp = (int) v.field("dp").number();
    Map<String, Object> in = inputs();
    in.remove("fleet");
    in.remove("straggler_factor");
    in.put("hardware", "H100"); // Frontier_8K's accelerator
    in.put("dp", dp);
    PipelineResults r = Pipeline.of(new TrainingMemoryModel()).run(in);
    ResultView m = r.view("TrainingMemoryModel");
    assertEquals(v.field("memory_per_rank").number(), m.field("training_memory").number(), 0.0,
        "one composition of memory");
    for (String n : MEMORY_TERMS) {
      assertEquals(v.field(n).number(), m.field(n).number(), 0.0, n);
    }
  }

  @Test
  void fp8OnA100FleetsIsInfeasible() {
    for (String fleet : new String[] {"Training_1K_A100", "Selene_1024"}) {
      Map<String, Object> in = inputs();
      in.put("fleet", fleet);
      in.put("precision", "fp8");
      InfeasibleException e = assertThrows(InfeasibleException.class, () -> run(in), fleet);
      assertTrue(e.getMessage().contains("fp8"), e.getMessage());
    }
    Map<String, Object> h100 = inputs();
    h100.put("precision", "fp8");
    assertTrue(run(h100).field("step_latency").number() > 0, "fp8 on H100 runs");
  }
}
