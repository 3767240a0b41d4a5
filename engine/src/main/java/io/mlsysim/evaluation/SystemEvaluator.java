package io.mlsysim.evaluation;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.ServingModel;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.optimizers.CandidateEvaluator;
import io.mlsysim.optimizers.ParallelismOptimizer;
import io.mlsysim.optimizers.SearchResult;
import io.mlsysim.physics.Roofline;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Zoo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a system through three lenses by calling the models:
 *
 * <ul>
 *   <li>Feasibility: does the memory fit? One device: the roofline's footprint (SingleNodeModel).
 *       A fleet: the real per-rank training memory of the best TP × PP split
 *       (ParallelismOptimizer, scored by DistributedModel); FAIL when no split fits.</li>
 *   <li>Performance: one device: "{bottleneck} Bound", latency, throughput, MFU, and the SLA
 *       (latency, or TTFT from ServingModel) and power budget when given. A fleet: "Scaling
 *       Efficiency: x%", step latency, communication share, fleet throughput, fleet MFU; the SLA
 *       bounds the step. WARNING when scaling efficiency is below 50 %.</li>
 *   <li>Macro: TCO, carbon, energy cost and CapEx over the duration in the region
 *       (SustainabilityModel → EconomicsModel at the fleet's MFU); SKIPPED without a fleet and a
 *       duration. WARNING when the accelerator has no price (TCO then lacks CapEx).</li>
 * </ul>
 *
 * <p>Power budget: the device draws TDP·(0.30 + 0.70·MFU) while it runs. Over budget is a WARNING
 * when running once per SLA period and sleeping (≈ 0 W) in between averages within the budget,
 * power × latency / SLA, and a FAIL otherwise.
 */
public final class SystemEvaluator {
  private SystemEvaluator() {}

  /** Scaling efficiency under which the performance lens warns. */
  public static final double SCALING_WARNING = 0.5;

  /** What the system must meet; NaN for none. */
  public record Targets(String slaMetric, double sla, double powerBudget) {
    public static final Targets NONE = new Targets("latency", Double.NaN, Double.NaN);

    public boolean hasSla() {
      return !Double.isNaN(sla);
    }

    public boolean hasPowerBudget() {
      return !Double.isNaN(powerBudget);
    }
  }

  /**
   * @param fleet null for a single device
   * @param nodes node count overriding the fleet's, ≤ 0 for the fleet's own
   * @param durationDays NaN for no Macro lens
   * @param region null for the default grid (US_Avg)
   */
  public static Scorecard evaluate(String scenario, Workload workload, HardwareNode hardware, int batch,
      Precision precision, double efficiency, Fleet fleet, int nodes, double durationDays, GridProfile region) {
    return evaluate(scenario, workload, hardware, batch, precision, efficiency, fleet, nodes, durationDays, region,
        Targets.NONE);
  }

  /**
   * How a fleet is laid out: fixed tensor and pipeline degrees, or {@link #SEARCH} to let
   * ParallelismOptimizer pick the split with the best fleet MFU.
   */
  public record Layout(int tp, int pp, int microbatchSize) {
    public static final Layout SEARCH = new Layout(0, 0, 1);

    public boolean isFixed() {
      return tp > 0 && pp > 0;
    }
  }

  /** As above, checking an SLA and a power budget. */
  public static Scorecard evaluate(String scenario, Workload workload, HardwareNode hardware, int batch,
      Precision precision, double efficiency, Fleet fleet, int nodes, double durationDays, GridProfile region,
      Targets targets) {
    return evaluate(scenario, workload, hardware, batch, precision, efficiency, fleet, nodes, durationDays, region,
        targets, Layout.SEARCH);
  }

  /** As above, with a fixed fleet layout (a plan's tp, pp and micro-batch size). */
  public static Scorecard evaluate(String scenario, Workload workload, HardwareNode hardware, int batch,
      Precision precision, double efficiency, Fleet fleet, int nodes, double durationDays, GridProfile region,
      Targets targets, Layout layout) {
    GridProfile grid = region != null ? region : Zoo.current().grids().get(Calibration.DEFAULT_GRID_REGION);
    if (fleet == null) {
      if (hardware == null) {
        throw new InvalidInputException("hardware", "input 'hardware' or 'fleet' must be given");
      }
      return single(scenario, workload, hardware, batch, precision, efficiency, targets);
    }
    Fleet f = nodes > 0 && nodes != fleet.nodeCount()
        ? new Fleet(fleet.name() + "×" + nodes, fleet.node(), nodes, fleet.fabric(), fleet.source()) : fleet;
    return fleet(scenario, workload, f, batch, precision, efficiency, durationDays, grid, targets, layout);
  }

  private static Scorecard single(String scenario, Workload w, HardwareNode hw, int batch, Precision p, double eta,
      Targets t) {
    SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(w, hw, batch, p, eta);
    List<String> notes = new ArrayList<>();
    Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("memory_used_gb", r.memoryFootprint() / 1e9);
    fm.put("memory_capacity_gb", r.memoryCapacity() / 1e9);
    fm.put("memory_utilization", r.memoryFootprint() / r.memoryCapacity());
    Lens feas = Lens.feasibility(r.feasible() ? LensStatus.PASS : LensStatus.FAIL,
        gb(r.memoryFootprint()) + " / " + gb(r.memoryCapacity()) + " used", fm);

    Map<String, Object> pm = new LinkedHashMap<>();
    pm.put("bottleneck", r.bottleneck());
    pm.put("latency_ms", r.latency() * 1e3);
    pm.put("throughput", r.throughput());
    pm.put("mfu", r.mfu());
    LensStatus ps = LensStatus.PASS;
    if (t.hasSla()) {
      double value;
      if ("ttft".equals(t.slaMetric())) {
        value = ServingModel.solve(w, hw, Calibration.DEFAULT_SEQ_LEN, batch, p, eta).ttft();
        pm.put("ttft_ms", value * 1e3);
      } else {
        value = r.latency();
      }
      pm.put("sla_ms", t.sla() * 1e3);
      boolean ok = value <= t.sla();
      ps = ps.and(ok ? LensStatus.PASS : LensStatus.FAIL);
      notes.add("SLA: " + t.slaMetric() + " " + ms(value) + (ok ? " ≤ " : " > ") + ms(t.sla()));
    }
    if (t.hasPowerBudget()) {
      if (!hw.hasTdp()) {
        ps = ps.and(LensStatus.WARNING);
        pm.put("power_w", Double.NaN);
        notes.add("Power: " + hw.name() + " has no TDP; budget " + watts(t.powerBudget()) + " not checked");
      } else {
        double power = Roofline.power(hw.tdp(), Calibration.IDLE_POWER_FRACTION, Calibration.DYNAMIC_POWER_FRACTION,
            r.mfu());
        pm.put("power_w", power);
        pm.put("power_budget_w", t.powerBudget());
        if (power <= t.powerBudget()) {
          notes.add("Power: " + watts(power) + " ≤ budget " + watts(t.powerBudget()));
        } else {
          // one inference per SLA period, asleep (≈ 0 W) in between: the average draw
          double average = t.hasSla() ? power * Math.min(1, r.latency() / t.sla()) : power;
          pm.put("average_power_w", average);
          if (average <= t.powerBudget()) {
            ps = ps.and(LensStatus.WARNING);
            notes.add("Power: " + watts(power) + " > budget " + watts(t.powerBudget()) + "; duty-cycled to one run per "
                + ms(t.sla()) + " it averages " + watts(average));
          } else {
            ps = ps.and(LensStatus.FAIL);
            notes.add("Power: " + watts(power) + " > budget " + watts(t.powerBudget()) + ", and "
                + watts(average) + " even duty-cycled to one run per " + (t.hasSla() ? ms(t.sla()) : "inference"));
          }
        }
      }
    }
    if (!r.feasible()) {
      ps = ps.and(LensStatus.WARNING);
      notes.add("Memory: does not fit; the latency assumes offload");
    }
    Lens perf = Lens.performance(ps, r.bottleneck() + " Bound", pm);
    Lens macro = Lens.macro(LensStatus.SKIPPED, "needs a fleet and a duration", Map.of());
    return new Scorecard(scenario, w.name() + " on " + hw.name() + ", batch " + batch + ", " + p.id(), feas, perf,
        macro, notes);
  }

  private static Scorecard fleet(String scenario, Workload w, Fleet fleet, int batch, Precision p, double eta,
      double days, GridProfile grid, Targets t, Layout layout) {
    List<String> notes = new ArrayList<>();
    String subject = w.name() + " on " + fleet.name() + " (" + fleet.totalAccelerators() + " × "
        + fleet.accelerator().name() + "), batch " + batch + ", " + p.id();
    SearchResult plan = null;
    try {
      plan = layout.isFixed() ? null : new ParallelismOptimizer().optimize(w, fleet, batch, Calibration.DEFAULT_SEQ_LEN, p,
          layout.microbatchSize(), 1, CandidateEvaluator.LOCAL);
    } catch (InvalidInputException e) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("memory_capacity_gb", fleet.accelerator().memory().capacity() / 1e9);
      notes.add("ParallelismOptimizer: " + e.getMessage());
      return new Scorecard(scenario, subject,
          Lens.feasibility(LensStatus.FAIL, "no TP × PP split fits " + gb(fleet.accelerator().memory().capacity())
              + " per rank", fm),
          Lens.performance(LensStatus.SKIPPED, "not evaluated: does not fit", Map.of()),
          Lens.macro(LensStatus.SKIPPED, "not evaluated: does not fit", Map.of()), notes);
    }
    int tp = layout.isFixed() ? layout.tp() : (Integer) plan.bestConfig().get("tp");
    int pp = layout.isFixed() ? layout.pp() : (Integer) plan.bestConfig().get("pp");
    DistributedModel.DistributedResult d = new DistributedModel().solve(TrainingJob.of(w).batch(batch)
        .seqLen(Calibration.DEFAULT_SEQ_LEN).precision(p).tp(tp).pp(pp).microbatchSize(layout.microbatchSize()).build(),
        fleet, StepOptions.DEFAULTS.withOverlap(true));
    double cap = fleet.accelerator().memory().capacity();
    Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("memory_used_gb", d.memoryPerRank() / 1e9);
    fm.put("memory_capacity_gb", cap / 1e9);
    fm.put("memory_utilization", d.rankMemoryUtilization());
    fm.put("tp", tp);
    fm.put("pp", pp);
    fm.put("dp", d.dp());
    Lens feas = Lens.feasibility(d.memoryFeasible() ? LensStatus.PASS : LensStatus.FAIL,
        gb(d.memoryPerRank()) + " / " + gb(cap) + " used per rank", fm);
    notes.add("plan: tp " + tp + " × pp " + pp + " × dp " + d.dp() + (plan == null ? " (as given)"
        : " (best fleet MFU of " + plan.totalSearched() + " splits)"));

    Map<String, Object> pm = new LinkedHashMap<>();
    pm.put("scaling_efficiency", d.scalingEfficiency());
    pm.put("step_latency_ms", d.stepLatency() * 1e3);
    pm.put("comm_overhead", d.commLatency() / d.stepLatency());
    pm.put("fleet_throughput", d.effectiveThroughput());
    pm.put("mfu", d.mfu());
    LensStatus ps = d.scalingEfficiency() < SCALING_WARNING ? LensStatus.WARNING : LensStatus.PASS;
    if (ps == LensStatus.WARNING) {
      notes.add("scaling efficiency " + pct(d.scalingEfficiency()) + " < " + pct(SCALING_WARNING));
    }
    if (t.hasSla()) {
      pm.put("sla_ms", t.sla() * 1e3);
      boolean ok = d.stepLatency() <= t.sla();
      ps = ps.and(ok ? LensStatus.PASS : LensStatus.FAIL);
      notes.add("SLA: step " + ms(d.stepLatency()) + (ok ? " ≤ " : " > ") + ms(t.sla()));
    }
    Lens perf = Lens.performance(ps, "Scaling Efficiency: " + pct(d.scalingEfficiency()), pm);

    Lens macro;
    if (Double.isNaN(days)) {
      macro = Lens.macro(LensStatus.SKIPPED, "needs a duration", Map.of());
    } else {
      double duration = days * 86_400.0;
      SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(fleet, duration, d.mfu(), grid);
      EconomicsModel.EconomicsResult e = new EconomicsModel().solve(fleet, duration, s.facilityEnergy(), grid,
          Double.NaN, Double.NaN, Calibration.DEFAULT_INFRA_MULTIPLIER);
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("region", grid.name());
      mm.put("days", days);
      mm.put("tco_usd", e.tco());
      mm.put("carbon_t", s.totalCarbon() / 1000);
      mm.put("energy_cost_usd", e.energyCost());
      mm.put("capex_usd", e.capex());
      boolean priced = e.unitCostKnown();
      if (!priced) {
        notes.add("Macro: " + fleet.accelerator().name() + " has no unit cost; TCO lacks CapEx");
      }
      macro = Lens.macro(priced ? LensStatus.PASS : LensStatus.WARNING, "TCO " + Display.format(e.tco(),
          QuantityKind.MONEY) + " over " + Scorecard.num(days) + " days in " + grid.name(), mm);
    }
    return new Scorecard(scenario, subject, feas, perf, macro, notes);
  }

  static String gb(double bytes) {
    return Scorecard.num(bytes / 1e9) + " GB";
  }

  static String ms(double s) {
    return Scorecard.num(s * 1e3) + " ms";
  }

  static String watts(double w) {
    return w < 1 ? Scorecard.num(w * 1e3) + " mW" : Scorecard.num(w) + " W";
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }
}
