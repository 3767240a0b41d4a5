package io.mlsysim.cli;

import io.mlsysim.evaluation.LensStatus;
import io.mlsysim.evaluation.Scorecard;
import io.mlsysim.evaluation.SystemEvaluator;
import io.mlsysim.hardware.Precision;
import io.mlsysim.plans.Plan;
import io.mlsysim.plans.PlanAssertion;
import io.mlsysim.plans.PlanReader;
import io.mlsysim.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code mlsysim eval <workload> <hardware|fleet>} or {@code mlsysim eval <plan.yaml>}: the
 * three-lens scorecard. Exit 2 when the system cannot run, 3 when a plan's assertion fails.
 */
@Command(name = "eval", description = "Three-lens scorecard (feasibility, performance, macro) of a workload on a device or fleet, or of a plan file.")
final class EvalCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0..1", arity = "1..2", paramLabel = "WORKLOAD HARDWARE | PLAN", hideParamSyntax = true,
      description = "A workload and a device or fleet name (Llama3_8B H100), or one plan YAML file.")
  List<String> subject;

  @Option(names = {"--batch", "--batch-size"}, description = "Batch size (default 1; 1024 global for a fleet).")
  Integer batch;

  @Option(names = "--precision", defaultValue = "fp16", description = "fp32, tf32, bf16, fp16, fp8, int8, int4.")
  String precision;

  @Option(names = "--efficiency", description = "Achieved fraction of peak on one device, in (0, 1]; default 0.5. "
      + "A fleet's efficiency follows from each rank's GEMM sizes.")
  Double efficiency;

  @Option(names = "--days", description = "Run length for the Macro lens (fleets).")
  Double days;

  @Option(names = "--region", description = "Grid for the Macro lens, e.g. Quebec (default US_Avg).")
  String region;

  @Override
  public Integer call() throws Exception {
    Plan plan = subject.size() == 1 ? PlanReader.read(planPath(subject.get(0))) : planFromArguments();
    Scorecard card = SystemEvaluator.evaluate(plan.name(), plan.workload(), plan.hardware(), plan.batch(),
        plan.precision(), plan.efficiency(), plan.fleet(), 0, plan.hasDuration() ? plan.duration() / 86_400 : Double.NaN,
        plan.grid(), SystemEvaluator.Targets.NONE, plan.isFleet() && plan.tp() * plan.pp() > 1
            ? new SystemEvaluator.Layout(plan.tp(), plan.pp(), plan.microbatchSize()) : SystemEvaluator.Layout.SEARCH);
    Map<String, Object> dict = card.toDictionary();
    List<Map<String, Object>> checks = check(plan, dict);
    print(card, dict, checks);
    if (card.feasibility().status() == LensStatus.FAIL) {
      return ExitCode.INFEASIBLE;
    }
    return checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("passed"))) ? ExitCode.OK : ExitCode.ASSERT_FAILED;
  }

  private Path planPath(String arg) {
    Path p = Path.of(arg);
    if (!Files.exists(p) && !arg.endsWith(".yaml") && !arg.endsWith(".yml")) {
      throw new IllegalArgumentException("eval: give a workload and a hardware or fleet name (eval Llama3_8B H100),"
          + " or a plan file; '" + arg + "' is neither");
    }
    return p;
  }

  private Plan planFromArguments() {
    String workload = subject.get(0);
    String system = subject.get(1);
    boolean isFleet = !Zoo.current().hardware().contains(system) && Zoo.current().fleets().contains(system);
    StringBuilder yaml = new StringBuilder("version: 1\nname: ").append(workload).append(" on ").append(system)
        .append("\nworkload: ").append(workload).append('\n').append(isFleet ? "fleet: " : "hardware: ").append(system)
        .append("\nops:\n  batch: ").append(batch != null ? batch : isFleet ? 1024 : 1)
        .append("\n  precision: ").append(precision).append('\n');
    if (efficiency != null) {
      if (isFleet) {
        throw new IllegalArgumentException("--efficiency applies to a single device; on a fleet each rank's GEMM"
            + " efficiency follows from its matrix sizes (docs/fleet-models.md), drop the option");
      }
      yaml.append("  efficiency: ").append(efficiency).append('\n');
    }
    if (days != null) {
      yaml.append("  duration: ").append(days).append(" days\n");
    }
    if (region != null) {
      yaml.append("  region: ").append(region).append('\n');
    }
    Precision.parse(precision); // a bad --precision names the option, not a generated file
    return PlanReader.parse("command line", yaml.toString());
  }

  /** Each assertion against the scorecard's flat dictionary; an unknown metric is bad input. */
  static List<Map<String, Object>> check(Plan plan, Map<String, Object> dict) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PlanAssertion a : plan.assertions()) {
      Object v = dict.get(a.metric());
      if (!(v instanceof Number n)) {
        List<String> numeric = new ArrayList<>();
        dict.forEach((k, val) -> {
          if (val instanceof Number) {
            numeric.add(k);
          }
        });
        throw new IllegalArgumentException(plan.origin() + ":" + a.line() + ": metric '" + a.metric() + "' "
            + (v == null ? "is not in the scorecard" : "is not numeric") + "; numeric metrics: " + String.join(", ", numeric));
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("assertion", a.describe());
      c.put("value", n.doubleValue());
      c.put("passed", a.holds(n.doubleValue()));
      out.add(c);
    }
    return out;
  }

  private void print(Scorecard card, Map<String, Object> dict, List<Map<String, Object>> checks) throws Exception {
    switch (global.format()) {
      case JSON -> {
        Map<String, Object> m = new LinkedHashMap<>(dict);
        m.put("assertions", checks);
        global.out().println(Listing.JSON.writeValueAsString(m));
      }
      case MARKDOWN -> {
        TextTable t = new TextTable(List.of("metric", "value"), List.of(false, true));
        dict.forEach((k, v) -> t.add(List.of(k, v instanceof Double d ? io.mlsysim.units.Display.number(d) : String.valueOf(v))));
        global.out().print(t.render(OutputFormat.MARKDOWN));
        checks.forEach(c -> global.out().println("- " + ((Boolean) c.get("passed") ? "PASS " : "FAIL ") + c.get("assertion")));
      }
      default -> {
        global.out().print(card.render());
        for (Map<String, Object> c : checks) {
          global.out().println(((Boolean) c.get("passed") ? "  assert PASS  " : "  assert FAIL  ") + c.get("assertion")
              + " (value " + io.mlsysim.units.Display.number((Double) c.get("value")) + ")");
        }
      }
    }
    global.out().flush();
  }
}
