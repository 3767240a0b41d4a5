package io.mlsysim.cli;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim run <Resolver> --set key=value …}: the generic door to every Model and Solver,
 * plugins included. Values are zoo names ("H100"), unit strings ("500 ms") or numbers.
 */
@Command(name = "run", description = "Run any resolver (plugins included) with --set inputs.")
final class RunCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "RESOLVER", description = "A resolver name; 'mlsysim zoo resolvers' lists them.")
  String resolver;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "An input: a zoo name (hardware=H100), a quantity (target_latency='5 ms') or a number.")
  Map<String, String> inputs = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Resolver<?> r = global.factory().get(resolver);
    PipelineResults results = Pipeline.of(r).run(inputs);
    ResultView view = results.view(results.stageNames().get(0));
    ResultPrinter.print(global, List.of(view));
    return ResultPrinter.isInfeasible(view) ? ExitCode.INFEASIBLE : ExitCode.OK;
  }
}
