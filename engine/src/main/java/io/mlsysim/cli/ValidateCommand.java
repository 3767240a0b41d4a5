package io.mlsysim.cli;

import io.mlsysim.plans.Plan;
import io.mlsysim.plans.PlanReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mlsysim validate <plan.yaml>}: checks a plan without evaluating it. */
@Command(name = "validate", description = "Check a plan file: fields, units, zoo names, ranges. Exit 0 if valid, 1 if not.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "PLAN", description = "A plan YAML file (see configs/plans/).")
  Path file;

  @Override
  public Integer call() throws Exception {
    Plan plan = PlanReader.read(file);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("valid", true);
    summary.put("plan", plan.name());
    summary.put("workload", plan.workload().name());
    summary.put(plan.isFleet() ? "fleet" : "hardware", plan.isFleet() ? plan.fleet().name() : plan.hardware().name());
    summary.put("assertions", plan.assertions().size());
    if (global.format() == OutputFormat.JSON) {
      global.out().println(Listing.JSON.writeValueAsString(summary));
    } else {
      global.out().println("valid: plan '" + plan.name() + "' (" + plan.workload().name() + " on "
          + (plan.isFleet() ? plan.fleet().name() : plan.hardware().name()) + ", "
          + plan.assertions().size() + " assertion" + (plan.assertions().size() == 1 ? "" : "s") + ")");
    }
    global.out().flush();
    return ExitCode.OK;
  }
}
