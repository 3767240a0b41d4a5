package io.mlsysim.cli;

import io.mlsysim.core.OptimizerResult;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.optimizers.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim optimize parallelism|batching|placement|hardware --set …}: a built-in optimizer
 * with the best configuration, the runners-up and why the winner won.
 */
@Command(name = "optimize", description = "Search a design space: parallelism, batching, placement or hardware.",
    footer = {"", "Examples:",
        "  mlsysim optimize parallelism --set workload=Llama3_70B --set fleet=Frontier_8K --set batch=1024",
        "  mlsysim optimize batching --set workload=Llama3_8B --set hardware=H100 --set seq_len=512 --set qps='2 /s' --set sla='10 s'",
        "  mlsysim optimize placement --set fleet=Frontier_8K --set duration='30 days' --set mfu=0.4",
        "  mlsysim optimize hardware --set min_flops='500 TFLOP/s'"})
final class OptimizeCommand implements Callable<Integer> {
  private static final Map<String, String> OPTIMIZERS = Map.of(
      "parallelism", "ParallelismOptimizer", "batching", "BatchingOptimizer",
      "placement", "PlacementOptimizer", "hardware", "CheapestHardwareOptimizer");

  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "WHAT", description = "parallelism, batching, placement or hardware.")
  String what;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Inputs; 'mlsysim explain <Optimizer>' lists them.")
  Map<String, String> inputs = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    String name = OPTIMIZERS.get(what.toLowerCase(java.util.Locale.ROOT));
    if (name == null) {
      throw new IllegalArgumentException("optimize: unknown search '" + what + "'; use parallelism, batching, placement or hardware");
    }
    Resolver<?> optimizer = global.factory().get(name);
    PipelineResults results = Pipeline.of(optimizer).run(inputs);
    OptimizerResult r = (OptimizerResult) results.get(optimizer.name());
    ResultView view = results.view(optimizer.name());
    if (global.format() == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("optimizer", name);
      m.put("objective_value", r.objectiveValue());
      m.put("best_config", r.bestConfig());
      m.put("total_searched", r.totalSearched());
      if (r instanceof SearchResult s) {
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (SearchResult.Candidate c : s.ranked()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("config", c.config());
          row.put("objective", c.objective());
          row.put("metrics", c.metrics());
          ranked.add(row);
        }
        m.put("ranked", ranked);
      }
      m.put("trace", r.trace());
      global.out().println(Listing.JSON.writeValueAsString(m));
      global.out().flush();
    } else {
      ResultPrinter.print(global, List.of(view));
      if (r instanceof SearchResult s && !s.ranked().isEmpty()) {
        TextTable t = new TextTable(List.of("rank", "configuration", "objective"), List.of(true, false, true));
        List<String> objectives = DistinctDigits.format(s.ranked().stream().map(c -> c.objective()).toList());
        int i = 0;
        for (SearchResult.Candidate c : s.ranked()) {
          t.add(List.of(String.valueOf(i + 1), String.valueOf(c.config()), objectives.get(i)));
          i++;
        }
        global.out().print(t.render(global.format()));
        global.out().flush();
      }
    }
    return ExitCode.OK;
  }
}
