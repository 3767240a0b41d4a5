package io.mlsysim.solvers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Solver;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wall 21 (Sensitivity): ∂latency/∂resource of the roofline, by finite differences. The
 * solver reruns {@link SingleNodeModel} with peak compute, memory bandwidth and memory capacity
 * each raised by 10 % and reports s_i = (T_i − T₀)/T₀; the binding constraint is the resource
 * with the largest |s_i|. A configuration that does not fit in memory is bound by capacity by
 * definition ({@code feasible = false}). The trace shows each forward run, the round trip.
 */
public final class SensitivitySolver extends Solver<SensitivitySolver.SensitivityResult> {

  public static final Port<Double> BASELINE_LATENCY = Port.quantity("baseline_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> SENSITIVITY_FLOPS = Port.number("sensitivity_flops")
      .describedAs("relative latency change for +10 % peak FLOP/s");
  public static final Port<Double> SENSITIVITY_BANDWIDTH = Port.number("sensitivity_bandwidth")
      .describedAs("relative latency change for +10 % memory bandwidth");
  public static final Port<Double> SENSITIVITY_CAPACITY = Port.number("sensitivity_capacity")
      .describedAs("relative latency change for +10 % memory capacity");
  public static final Port<String> BINDING_CONSTRAINT = Port.text("binding_constraint")
      .describedAs("peak_flops | memory_bandwidth | memory_capacity");
  public static final Port<Boolean> SENSITIVITY_FEASIBLE = Port.flag("sensitivity_feasible");

  /** T₀ (s), the three relative changes s_i = (T_i − T₀)/T₀, the binding resource, baseline fit. */
  public record SensitivityResult(double baselineLatency, double sensitivityFlops, double sensitivityBandwidth,
      double sensitivityCapacity, String bindingConstraint, boolean sensitivityFeasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(BASELINE_LATENCY, baselineLatency);
      out.putDouble(SENSITIVITY_FLOPS, sensitivityFlops);
      out.putDouble(SENSITIVITY_BANDWIDTH, sensitivityBandwidth);
      out.putDouble(SENSITIVITY_CAPACITY, sensitivityCapacity);
      out.put(BINDING_CONSTRAINT, bindingConstraint);
      out.putFlag(SENSITIVITY_FEASIBLE, sensitivityFeasible);
    }

    public Map<String, Double> sensitivities() {
      return new TreeMap<>(Map.of("peak_flops", sensitivityFlops, "memory_bandwidth", sensitivityBandwidth,
          "memory_capacity", sensitivityCapacity));
    }

    @Override
    public List<String> trace() {
      String head = sensitivityFeasible
          ? "forward run at the baseline: " + Display.format(baselineLatency, QuantityKind.TIME)
          : "Memory Wall: FAILED at the baseline (" + Display.format(baselineLatency, QuantityKind.TIME)
              + " with offload): memory capacity binds";
      return List.of(head,
          "forward run with +10 % peak FLOP/s: " + line(sensitivityFlops),
          "forward run with +10 % memory bandwidth: " + line(sensitivityBandwidth),
          "forward run with +10 % memory capacity: " + line(sensitivityCapacity),
          "binding constraint: " + bindingConstraint);
    }

    private String line(double s) {
      return Display.format(baselineLatency * (1 + s), QuantityKind.TIME) + " ("
          + String.format(Locale.ROOT, "%+.2f%%", 100 * s) + ")";
    }
  }

  public SensitivitySolver() {
    super(Schema.solver("SensitivitySolver")
        .describedAs("Which hardware resource the latency is most sensitive to (+10 % each, roofline reruns)")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.PRECISION,
            CommonPorts.EFFICIENCY)
        .produces(BASELINE_LATENCY, SENSITIVITY_FLOPS, SENSITIVITY_BANDWIDTH, SENSITIVITY_CAPACITY,
            BINDING_CONSTRAINT, SENSITIVITY_FEASIBLE)
        .walls(21)
        .fallacy("A faster chip speeds up every model",
            "Only the binding resource matters: a memory-bound model ignores extra FLOP/s")
        .build());
  }

  @Override
  public SensitivityResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.BATCH),
        in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY));
  }

  /** Direct call. */
  public static SensitivityResult solve(Workload w, HardwareNode hw, int batch, Precision p, double eta) {
    double f = 1 + Calibration.SENSITIVITY_PERTURBATION;
    SingleNodeModel.SingleNodeResult base = SingleNodeModel.solve(w, hw, batch, p, eta);
    double t0 = base.latency();
    double sF = (SingleNodeModel.solve(w, scaleFlops(hw, f), batch, p, eta).latency() - t0) / t0;
    double sB = (SingleNodeModel.solve(w, scaleBandwidth(hw, f), batch, p, eta).latency() - t0) / t0;
    double sC = (SingleNodeModel.solve(w, scaleCapacity(hw, f), batch, p, eta).latency() - t0) / t0;
    String binding;
    if (!base.feasible()) {
      binding = "memory_capacity";
    } else if (Math.abs(sF) >= Math.abs(sB) && Math.abs(sF) >= Math.abs(sC)) {
      binding = "peak_flops";
    } else if (Math.abs(sB) >= Math.abs(sC)) {
      binding = "memory_bandwidth";
    } else {
      binding = "memory_capacity";
    }
    return new SensitivityResult(t0, sF, sB, sC, binding, base.feasible());
  }

  static HardwareNode with(HardwareNode h, ComputeCore c, MemoryHierarchy m) {
    return new HardwareNode(h.name(), h.tier(), h.releaseYear(), c, m, h.storage(), h.interconnect(), h.nvlink(),
        h.tdp(), h.tdpMin(), h.tdpMax(), h.batteryCapacity(), h.unitCost(), h.unitCostMax(), h.acceleratorCount(),
        h.embodiedCarbonKg(), h.dispatchTax(), h.source());
  }

  /** Peak FLOP/s and every per-precision rate × f. */
  public static HardwareNode scaleFlops(HardwareNode h, double f) {
    ComputeCore c = h.compute();
    Map<String, Double> rates = new TreeMap<>();
    c.precisionFlops().forEach((k, v) -> rates.put(k, v * f));
    return with(h, new ComputeCore(c.peakFlops() * f, rates, c.smCount()), h.memory());
  }

  /** Every memory level's bandwidth × f. */
  public static HardwareNode scaleBandwidth(HardwareNode h, double f) {
    MemoryHierarchy m = h.memory();
    return with(h, h.compute(), new MemoryHierarchy(m.capacity(), m.bandwidth() * f, m.sramCapacity(),
        m.sramBandwidth() * f, m.flashCapacity(), m.flashBandwidth() * f, m.l2Cache()));
  }

  /** Every memory level's capacity × f. */
  public static HardwareNode scaleCapacity(HardwareNode h, double f) {
    MemoryHierarchy m = h.memory();
    return with(h, h.compute(), new MemoryHierarchy(m.capacity() * f, m.bandwidth(), m.sramCapacity() * f,
        m.sramBandwidth(), m.flashCapacity() * f, m.flashBandwidth(), m.l2Cache()));
  }
}
