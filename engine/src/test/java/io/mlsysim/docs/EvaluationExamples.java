package io.mlsysim.docs;

import io.mlsysim.Hardware;
import io.mlsysim.Infrastructure;
import io.mlsysim.Scenarios;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.evaluation.Engine;
import io.mlsysim.evaluation.ScenarioEvaluation;
import io.mlsysim.evaluation.Scorecard;
import io.mlsysim.evaluation.SystemEvaluator;
import io.mlsysim.hardware.Precision;
import io.mlsysim.optimizers.BatchingOptimizer;
import io.mlsysim.optimizers.CandidateEvaluator;
import io.mlsysim.optimizers.ParallelismOptimizer;
import io.mlsysim.optimizers.PlacementOptimizer;
import io.mlsysim.optimizers.SearchResult;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.solvers.SensitivitySolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Java snippets of docs/evaluation.md; EvaluationDocsTest runs them and compares the page. */
public final class EvaluationExamples {
  private EvaluationExamples() {}

  public static List<Object> all() {
    List<Object> out = new ArrayList<>();
    // region:parallelism
    SearchResult plan = new ParallelismOptimizer().optimize(
        Workloads.Language.LLAMA3_70B, Systems.Clusters.FRONTIER_8K,
        1024, 2048, Precision.BF16,        // global batch, seq_len, precision
        1, 5,                              // micro-batch size, top k
        CandidateEvaluator.LOCAL);         // where candidates are scored
    plan.bestConfig();                     // {tp=8, pp=16, dp=64}
    plan.totalSearched();                  // 56: every (tp, pp) considered
    plan.trace().forEach(System.out::println);
    // endregion
    out.add(plan);
    // region:batching
    SearchResult batching = new BatchingOptimizer().optimize(
        Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, Precision.FP16, 0.5,
        2.0, 20.0, 128,                    // 2 requests/s, P99 ≤ 20 s, 128 output tokens
        256, 5, CandidateEvaluator.LOCAL);
    batching.best().metrics().get("token_throughput");   // tokens/s at the winning batch
    // endregion
    out.add(batching);
    // region:placement
    SearchResult placement = new PlacementOptimizer().optimize(
        Systems.Clusters.FRONTIER_8K, 30 * 86_400.0, 0.4,
        PlacementOptimizer.regions("US_Avg,Quebec,Iowa"), 100,   // carbon at 100 USD/t
        CandidateEvaluator.LOCAL);
    placement.ranked().forEach(c -> System.out.println(c.config() + " " + c.objective()));
    // endregion
    out.add(placement);
    // region:sensitivity
    SensitivitySolver.SensitivityResult s = SensitivitySolver.solve(
        Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1, Precision.FP16, 0.5);
    s.bindingConstraint();                 // "memory_bandwidth"
    // endregion
    out.add(s);
    // region:sweep
    List<Engine.SweepRow> rows = Engine.sweep(Workloads.Language.LLAMA3_70B,
        List.of(Hardware.Cloud.H100, Hardware.Cloud.A100),
        List.of(1, 8, 64), List.of(Precision.FP16, Precision.INT8), 0.5);
    rows.size();                           // 2 × 3 × 2 = 12, infeasible ones flagged
    // endregion
    out.add(rows);
    // region:scorecard
    Scorecard card = SystemEvaluator.evaluate("LlamaOnFrontier",
        Workloads.Language.LLAMA3_70B, null, 1024, Precision.FP16, 0.5,
        Systems.Clusters.FRONTIER_8K, 0,            // fleet, its own node count
        30, Infrastructure.Grids.QUEBEC);           // 30 days in Quebec: the Macro lens
    System.out.print(card.render());
    Map<String, Object> row = card.toDictionary();  // f_status, p_mfu, m_tco_usd, …
    // endregion
    out.add(row);
    // region:scenarios
    for (Scenario scenario : Scenarios.list()) {
      Scorecard c = ScenarioEvaluation.evaluate(scenario);   // its own SLA and power budget
      System.out.println(scenario.name() + ": " + (c.passedAll() ? "passes" : "fails"));
    }
    // endregion
    return out;
  }
}
