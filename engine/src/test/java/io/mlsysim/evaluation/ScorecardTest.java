package io.mlsysim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Infrastructure;
import io.mlsysim.Scenarios;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.optimizers.CandidateEvaluator;
import io.mlsysim.optimizers.ParallelismOptimizer;
import io.mlsysim.optimizers.SearchResult;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.ServingModel;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three scorecards pinned (text and dictionary), with the numbers re-derived from the models. */
class ScorecardTest {

  static final double EPS = 1e-12;

  @Test
  void tinyDeviceSmartDoorbell() {
    Scenario s = Scenarios.SMARTDOORBELL;
    Scorecard card = ScenarioEvaluation.evaluate(s);
    Map<String, Object> d = card.toDictionary();
    HardwareNode esp = s.hardware();
    SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(s.workload(), esp, 1, Precision.FP16, 0.5);
    // roofline by hand: compute-bound, latency = ops / (peak · η) + dispatch tax + L · layer tax
    double tCompute = s.workload().inferenceOps() / (esp.compute().flops(Precision.FP16) * 0.5);
    assertEquals(tCompute, r.latencyCompute(), 1e-12 * tCompute);
    assertEquals("Compute", r.bottleneck());
    assertEquals(r.memoryFootprint() / 1e9, (double) d.get("f_memory_used_gb"), EPS);
    assertEquals(r.memoryFootprint() / r.memoryCapacity(), (double) d.get("f_memory_utilization"), EPS);
    assertEquals(r.latency() * 1e3, (double) d.get("p_latency_ms"), EPS);
    // power while running: TDP · (0.30 + 0.70 · MFU); one run per 200 ms SLA period: × latency / 0.2 s
    double power = esp.tdp() * (0.30 + 0.70 * r.mfu());
    assertEquals(power, (double) d.get("p_power_w"), 1e-12);
    assertEquals(power * r.latency() / 0.200, (double) d.get("p_average_power_w"), 1e-12);
    assertTrue(power * r.latency() / 0.200 > 0.100, "over the 100 mW budget even duty-cycled");
    assertEquals("PASS", d.get("f_status"));
    assertEquals("FAIL", d.get("p_status"));
    assertEquals("SKIPPED", d.get("m_status"));
    assertEquals("Compute Bound", d.get("p_summary"));
    assertEquals(false, d.get("passed_all"));
    assertEquals(List.of("scenario", "f_status", "p_status", "m_status", "f_summary", "p_summary", "m_summary"),
        List.copyOf(d.keySet()).subList(0, 7));
    assertEquals(SMART_DOORBELL, card.render());
  }

  @Test
  void singleGpuChatbotServing() {
    Scenario s = Scenarios.CHATBOTSERVING;
    Scorecard card = ScenarioEvaluation.evaluate(s);
    Map<String, Object> d = card.toDictionary();
    // TTFT by hand: prefill 2·P·S + 4·L·a·d·S² FLOP at peak·η, plus the dispatch tax
    ServingModel.ServingResult sv = ServingModel.solve(s.workload(), Hardware.Cloud.H100, 2048, 1, Precision.FP16, 0.5);
    assertEquals(sv.ttft() * 1e3, (double) d.get("p_ttft_ms"), EPS);
    assertTrue(sv.ttft() < 0.5);
    SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(s.workload(), Hardware.Cloud.H100, 1,
        Precision.FP16, 0.5);
    // weights 2 B × 8.03 B params = 16.06 GB of an 80 GiB (85.9 GB) H100
    assertEquals(s.workload().weightBytes(Precision.FP16) / 1e9, (double) d.get("f_memory_used_gb"), EPS);
    assertEquals(r.latency() * 1e3, (double) d.get("p_latency_ms"), EPS);
    assertEquals(1 / r.latency(), (double) d.get("p_throughput"), 1e-9);
    assertEquals("Memory Bound", d.get("p_summary"));
    assertEquals("PASS", d.get("p_status"));
    assertTrue(card.passedAll());
    assertEquals(CHATBOT, card.render());
  }

  @Test
  void fleetWithMacroLens() {
    Workload w = Workloads.Language.LLAMA3_70B;
    Fleet fleet = Systems.Clusters.FRONTIER_8K;
    Scorecard card = SystemEvaluator.evaluate("LlamaOnFrontier", w, null, 1024, Precision.FP16, 0.5, fleet, 0, 30,
        Infrastructure.Grids.QUEBEC);
    Map<String, Object> d = card.toDictionary();
    // the fleet lens reports the split ParallelismOptimizer picks, evaluated by DistributedModel
    SearchResult best = new ParallelismOptimizer().optimize(w, fleet, 1024, Calibration.DEFAULT_SEQ_LEN,
        Precision.FP16, 1, 1, CandidateEvaluator.LOCAL);
    int tp = (Integer) best.bestConfig().get("tp");
    int pp = (Integer) best.bestConfig().get("pp");
    assertEquals(tp, d.get("f_tp"));
    assertEquals(pp, d.get("f_pp"));
    assertEquals(fleet.totalAccelerators() / (tp * pp), d.get("f_dp"));
    DistributedModel.DistributedResult r = new DistributedModel().solve(TrainingJob.of(w).batch(1024)
        .seqLen(Calibration.DEFAULT_SEQ_LEN).precision(Precision.FP16).tp(tp).pp(pp).build(), fleet,
        StepOptions.DEFAULTS.withOverlap(true));
    assertEquals(r.memoryPerRank() / 1e9, (double) d.get("f_memory_used_gb"), EPS);
    assertEquals(r.scalingEfficiency(), (double) d.get("p_scaling_efficiency"), EPS);
    assertEquals(r.commLatency() / r.stepLatency(), (double) d.get("p_comm_overhead"), EPS);
    assertEquals(r.mfu(), (double) d.get("p_mfu"), EPS);
    // the region reaches the macro lens: Quebec's grid, at the fleet's MFU
    double duration = 30 * 86_400.0;
    SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(fleet, duration, r.mfu(),
        Infrastructure.Grids.QUEBEC);
    EconomicsModel.EconomicsResult e = new EconomicsModel().solve(fleet, duration, s.facilityEnergy(),
        Infrastructure.Grids.QUEBEC, Double.NaN, Double.NaN, 1.0);
    assertEquals("Quebec", d.get("m_region"));
    assertEquals(e.tco(), (double) d.get("m_tco_usd"), EPS);
    assertEquals(s.totalCarbon() / 1000, (double) d.get("m_carbon_t"), EPS);
    // CapEx by hand: 8192 H100 × unit cost; TCO = CapEx·30/1095 + 5 %·CapEx·30/365 + energy
    double capex = 8192 * Hardware.Cloud.H100.unitCost();
    assertEquals(capex, (double) d.get("m_capex_usd"), 1e-6);
    assertEquals(capex * 30 / 1095 + 0.05 * capex * 30 / 365 + e.energyCost(), e.tco(), 1e-6 * e.tco());
    SustainabilityModel.SustainabilityResult usAvg = new SustainabilityModel().solve(fleet, duration, r.mfu(),
        Infrastructure.Grids.US_AVG);
    assertTrue(usAvg.totalCarbon() > s.totalCarbon(), "Quebec, not the default grid, was used");
    boolean slow = r.scalingEfficiency() < 0.5; // the performance lens warns under 50 % scaling efficiency
    assertEquals(slow ? "WARNING" : "PASS", d.get("p_status"));
    assertEquals("PASS", d.get("m_status"));
    assertEquals(!slow, card.passedAll());
    String render = card.render();
    assertTrue(render.contains("Llama3_70B on Frontier_8K (8192 × H100), batch 1024, fp16"), render);
    assertTrue(render.contains(String.format(java.util.Locale.ROOT, "Feasibility  PASS     %.2f GB / 85.9 GB used per rank",
        r.memoryPerRank() / 1e9)), render);
    assertTrue(render.contains("plan: tp " + tp + " × pp " + pp + " × dp " + fleet.totalAccelerators() / (tp * pp)
        + " (best fleet MFU of " + best.totalSearched() + " splits)"), render);
    assertTrue(render.contains(String.format(java.util.Locale.ROOT, "Scaling Efficiency: %.1f%%",
        100 * r.scalingEfficiency())), render);
  }

  @Test
  void everyRenderedLineHasTheSameWidth() {
    for (Scorecard c : ScenarioEvaluation.evaluateAll(Scenarios.list())) {
      for (String line : c.render().split("\n")) {
        assertEquals(Scorecard.WIDTH + 4, line.length(), line);
      }
    }
  }

  @Test
  void scenariosAreJudgedAgainstTheirOwnSlaAndBudget() {
    // GPT4 (dense TP × PP, no EP or ZeRO in the search) does not fit Frontier_8K's 80 GiB per rank
    Scorecard frontier = ScenarioEvaluation.evaluate(Scenarios.FRONTIERTRAINING);
    assertEquals(LensStatus.FAIL, frontier.feasibility().status());
    assertEquals(LensStatus.SKIPPED, frontier.performance().status());
    // MobileAssistant: 16 GB of weights on an 8 GiB phone
    assertEquals(LensStatus.FAIL, ScenarioEvaluation.evaluate(Scenarios.MOBILEASSISTANT).feasibility().status());
    assertEquals(LensStatus.PASS, ScenarioEvaluation.evaluate(Scenarios.AUTONOMOUSVEHICLE).performance().status());
    assertEquals(9, ScenarioEvaluation.evaluateAll(Scenarios.list()).size());
  }

  @Test
  void nodesOverrideTheFleetSizeAndNoDurationSkipsMacro() {
    Scorecard c = SystemEvaluator.evaluate("Small", Workloads.Language.LLAMA3_8B, null, 256, Precision.FP16, 0.5,
        Systems.Clusters.FRONTIER_8K, 8, Double.NaN, null);
    // 8 nodes × 8 H100 = 64 ranks: tp · pp · dp = 64
    Map<String, Object> d = c.toDictionary();
    assertEquals(64, (int) d.get("f_tp") * (int) d.get("f_pp") * (int) d.get("f_dp"));
    assertTrue(c.subject().contains("(64 × H100)"), c.subject());
    assertEquals(LensStatus.SKIPPED, c.macro().status());
    assertEquals("needs a duration", c.macro().summary());
  }

  @Test
  void statusesCombineWorstFirst() {
    assertEquals(LensStatus.FAIL, LensStatus.WARNING.and(LensStatus.FAIL));
    assertEquals(LensStatus.WARNING, LensStatus.PASS.and(LensStatus.WARNING));
    assertEquals(LensStatus.PASS, LensStatus.SKIPPED.and(LensStatus.PASS));
    assertEquals(LensStatus.SKIPPED, LensStatus.SKIPPED.and(LensStatus.SKIPPED));
  }

  static final String SMART_DOORBELL = """
        ╔══════════════════════════════════════════════════════════════════════╗
        ║ MLSys·im scorecard: SmartDoorbell                                    ║
        ║ WakeVision on ESP32_S3, batch 1, fp16                                ║
        ╠══════════════════════════════════════════════════════════════════════╣
        ║ Feasibility  PASS     0.0005 GB / 0.004 GB used                      ║
        ║   will it run?                                                       ║
        ║     memory_used_gb = 0.0005                                          ║
        ║     memory_capacity_gb = 0.004                                       ║
        ║     memory_utilization = 0.125                                       ║
        ║ Performance  FAIL     Compute Bound                                  ║
        ║   is it fast enough?                                                 ║
        ║     bottleneck = Compute                                             ║
        ║     latency_ms = 101                                                 ║
        ║     throughput = 9.901                                               ║
        ║     mfu = 0.495                                                      ║
        ║     sla_ms = 200                                                     ║
        ║     power_w = 0.2586                                                 ║
        ║     power_budget_w = 0.1                                             ║
        ║     average_power_w = 0.1306                                         ║
        ║ Macro        SKIPPED  needs a fleet and a duration                   ║
        ║   is it worth it?                                                    ║
        ╠══════════════════════════════════════════════════════════════════════╣
        ║ SLA: latency 101 ms ≤ 200 ms                                         ║
        ║ Power: 258.6 mW > budget 100 mW, and 130.6 mW even duty-cycled to    ║
        ║   one run per 200 ms                                                 ║
        ║ passed all lenses: no                                                ║
        ╚══════════════════════════════════════════════════════════════════════╝
        """;

  static final String CHATBOT = """
        ╔══════════════════════════════════════════════════════════════════════╗
        ║ MLSys·im scorecard: ChatbotServing                                   ║
        ║ Llama3_8B on H100, batch 1, fp16                                     ║
        ╠══════════════════════════════════════════════════════════════════════╣
        ║ Feasibility  PASS     16.06 GB / 85.9 GB used                        ║
        ║   will it run?                                                       ║
        ║     memory_used_gb = 16.06                                           ║
        ║     memory_capacity_gb = 85.9                                        ║
        ║     memory_utilization = 0.187                                       ║
        ║ Performance  PASS     Memory Bound                                   ║
        ║   is it fast enough?                                                 ║
        ║     bottleneck = Memory                                              ║
        ║     latency_ms = 5.603                                               ║
        ║     throughput = 178.5                                               ║
        ║     mfu = 0.002898                                                   ║
        ║     ttft_ms = 70.97                                                  ║
        ║     sla_ms = 500                                                     ║
        ║ Macro        SKIPPED  needs a fleet and a duration                   ║
        ║   is it worth it?                                                    ║
        ╠══════════════════════════════════════════════════════════════════════╣
        ║ SLA: ttft 70.97 ms ≤ 500 ms                                          ║
        ║ passed all lenses: yes                                               ║
        ╚══════════════════════════════════════════════════════════════════════╝
        """;

}
