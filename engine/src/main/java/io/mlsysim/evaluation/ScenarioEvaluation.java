package io.mlsysim.evaluation;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.scenarios.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the zoo's named scenarios (io.mlsysim.Scenarios) against their own SLA (latency,
 * TTFT or step time) and power budget: one device at batch 1, a fleet at a global batch of
 * {@value #FLEET_BATCH}, fp16 and the default efficiency.
 */
public final class ScenarioEvaluation {
  private ScenarioEvaluation() {}

  /** Global batch used for fleet scenarios. */
  public static final int FLEET_BATCH = 1024;

  /** Without a Macro lens. */
  public static Scorecard evaluate(Scenario s) {
    return evaluate(s, Double.NaN, null);
  }

  /** With a Macro lens for fleet scenarios: running {@code days} in {@code region}. */
  public static Scorecard evaluate(Scenario s, double days, GridProfile region) {
    SystemEvaluator.Targets t = new SystemEvaluator.Targets(s.slaMetric(), s.sla(), s.powerBudget());
    int batch = s.isFleet() ? FLEET_BATCH : 1;
    return SystemEvaluator.evaluate(s.name(), s.workload(), s.hardware(), batch, Precision.FP16,
        Calibration.DEFAULT_EFFICIENCY, s.fleet(), 0, days, region, t);
  }

  /** Every scenario in the list, in order. */
  public static List<Scorecard> evaluateAll(List<Scenario> scenarios) {
    List<Scorecard> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      out.add(evaluate(s));
    }
    return out;
  }
}
