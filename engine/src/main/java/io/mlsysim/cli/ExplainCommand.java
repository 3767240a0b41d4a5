package io.mlsysim.cli;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mlsysim explain <resolver…>}: the pipeline those resolvers form, its walls and inputs. */
@Command(name = "explain", description = "Show the pipeline DAG of resolvers, the walls covered and the inputs to supply.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(arity = "1..*", paramLabel = "RESOLVER", description = "Resolver names, in any order.")
  List<String> resolvers;

  @Override
  public Integer call() {
    List<Resolver<?>> list = new ArrayList<>();
    for (String name : resolvers) {
      list.add(global.factory().get(name));
    }
    global.out().print(Pipeline.of(list).explain());
    global.out().flush();
    return ExitCode.OK;
  }
}
