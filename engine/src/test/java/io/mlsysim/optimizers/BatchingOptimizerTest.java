package io.mlsysim.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.core.ResultView;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.ServingModel;
import io.mlsysim.models.TailLatencyModel;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchingOptimizerTest {

  @Test
  void largestBatchEqualsBruteForceWithTheModelsCalledDirectly() {
    double qps = 2;
    double sla = 20.0;
    int out = 128;
    SearchResult r = new BatchingOptimizer().optimize(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048,
        Precision.FP16, 0.5, qps, sla, out, 256, 5, CandidateEvaluator.LOCAL);
    int best = 0;
    int dropped = 0;
    double bestP99 = Double.NaN;
    for (int b = 1; b <= 256; b++) {
      ServingModel.ServingResult s = ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, b,
          Precision.FP16, 0.5);
      // one batch is served in TTFT + ITL·outputTokens; batches arrive at qps/b
      double service = s.ttft() + s.itl() * out;
      TailLatencyModel.TailLatencyResult q = TailLatencyModel.solve(qps / b, service, 1, 1.0);
      if (s.servingFeasible() && q.queueStable() && q.p99Latency() <= sla) {
        best = b;
        bestP99 = q.p99Latency();
      } else {
        dropped++;
      }
    }
    assertTrue(best > 1, "the space should have a non-trivial answer");
    assertEquals(Map.of("batch", best), r.bestConfig());
    assertEquals(best, r.objectiveValue());
    assertEquals(256, r.totalSearched());
    assertEquals(dropped, r.screenedCount());
    ServingModel.ServingResult s = ServingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, best,
        Precision.FP16, 0.5);
    // tokens/s: b·outputTokens over the batch's service time, not qps·seqLen
    assertEquals(best * 128.0 / (s.ttft() + s.itl() * 128), r.best().metrics().get("token_throughput"));
    assertEquals(bestP99, r.best().metrics().get("p99"));
    assertTrue(String.join("\n", r.trace()).contains("binding constraint"), r.trace().toString());
  }

  @Test
  void honoursTheContract() {
    ResultView v = ResolverContract.check(new BatchingOptimizer(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "qps", 2.0, "sla", "20 s", "max_batch", 32));
    assertEquals(32L, (long) v.field("total_searched").number());
    assertEquals("1/s", v.field("token_throughput").unit()); // tokens per second
    ResolverContract.assertRejects(new BatchingOptimizer(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "qps", 2.0, "sla", "1 ms"), "sla");
  }
}
