package io.mlsysim.scenarios;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.Workload;

/**
 * A named pairing of a workload with a device or a fleet, plus the service level and power
 * budget it must meet. Exactly one of {@code hardware} and {@code fleet} is set.
 *
 * @param slaMetric what the SLA bounds: "latency", "ttft" or "step"
 * @param sla the bound in s
 * @param powerBudget in W, NaN when there is none
 */
public record Scenario(String name, String description, Workload workload, HardwareNode hardware,
    Fleet fleet, String slaMetric, double sla, double powerBudget, Provenance source) {

  public boolean isFleet() {
    return fleet != null;
  }

  public boolean hasPowerBudget() {
    return !Double.isNaN(powerBudget);
  }
}
