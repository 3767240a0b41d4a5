package io.mlsysim.zoo;

import static io.mlsysim.units.QuantityKind.POWER;
import static io.mlsysim.units.QuantityKind.TIME;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.spec.ScenarioSpec;
import java.util.Set;

/** Binds named scenarios to the workloads, hardware and fleets they pair. */
final class ScenarioBinder {
  private static final Set<String> METRICS = Set.of("latency", "ttft", "step");

  private ScenarioBinder() {}

  static Scenario bind(EntryContext c, ScenarioSpec s, Registry<Workload> workloads,
      Registry<HardwareNode> hardware, Registry<Fleet> fleets) {
    c.check((s.hardware == null) != (s.fleet == null), "give exactly one of hardware and fleet");
    String metric = s.slaMetric == null ? "latency" : s.slaMetric;
    c.check(METRICS.contains(metric), "sla_metric '" + metric + "' must be latency, ttft or step");
    return new Scenario(c.name(), s.description == null ? "" : s.description,
        c.resolve(workloads, "workload", s.workload),
        s.hardware == null ? null : c.resolve(hardware, "hardware", s.hardware),
        s.fleet == null ? null : c.resolve(fleets, "fleet", s.fleet),
        metric, c.positive("sla", c.required("sla", s.sla, TIME)),
        c.positiveIfPresent("power_budget", c.optional("power_budget", s.powerBudget, POWER)),
        c.provenance(s.source));
  }
}
