package io.mlsysim.plans;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * A validated plan: zoo names resolved, units parsed, ranges checked. Exactly one of
 * {@code hardware} and {@code fleet} is set; for a fleet, {@code hardware} is its accelerator.
 *
 * @param duration run length in s, NaN without one (the Macro lens is then skipped)
 * @param grid the region, null for the default
 */
public record Plan(String origin, String name, String description, Workload workload, HardwareNode hardware,
    Fleet fleet, int batch, Precision precision, double efficiency, int seqLen, double duration,
    GridProfile grid, int tp, int pp, int microbatchSize, List<PlanAssertion> assertions) {

  public boolean isFleet() {
    return fleet != null;
  }

  public boolean hasDuration() {
    return !Double.isNaN(duration);
  }
}
