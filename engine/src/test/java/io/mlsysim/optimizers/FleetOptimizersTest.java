package io.mlsysim.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Infrastructure;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.ResultView;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.systems.Fleet;
import io.mlsysim.testkit.ResolverContract;
import io.mlsysim.workloads.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOptimizersTest {

  static final Fleet FLEET = Systems.Clusters.LAB_64_H100;
  static final Workload LLAMA8 = Workloads.Language.LLAMA3_8B;

  @Test
  void parallelismWinnerEqualsBruteForceOverTheSameSpace() {
    SearchResult r = new ParallelismOptimizer().optimize(LLAMA8, FLEET, 64, 2048, Precision.FP16, 1, 5,
        CandidateEvaluator.LOCAL);
    // brute force: every power-of-two tp ≤ GPUs per node and pp ≤ N, scored by DistributedModel directly
    DistributedModel dm = new DistributedModel();
    int n = FLEET.totalAccelerators();
    // weights (2 B) + fp32 gradients (4 B) + Adam moments (8 B) + fp32 master (4 B) per parameter
    double screen = (2 + 4 + 8 + 4) * LLAMA8.parameters();
    double hbm = FLEET.accelerator().memory().capacity();
    double bestMfu = -1;
    int bestTp = 0;
    int bestPp = 0;
    int considered = 0;
    int screened = 0;
    for (int tp = 1; tp <= FLEET.acceleratorsPerNode(); tp *= 2) {
      for (int pp = 1; pp <= n; pp *= 2) {
        considered++;
        if (n % (tp * pp) != 0 || pp > LLAMA8.layers() || screen / (tp * pp) > 0.9 * hbm) {
          screened++;
          continue;
        }
        DistributedModel.DistributedResult d;
        try {
          d = dm.solve(TrainingJob.of(LLAMA8).batch(64).seqLen(2048).precision(Precision.FP16).tp(tp).pp(pp)
              .build(), FLEET, StepOptions.DEFAULTS.withOverlap(true));
        } catch (IllegalArgumentException refused) { // e.g. a batch of 64 over more than 64 replicas
          screened++;
          continue;
        }
        if (!d.memoryFeasible()) {
          screened++;
          continue;
        }
        if (d.mfu() > bestMfu) {
          bestMfu = d.mfu();
          bestTp = tp;
          bestPp = pp;
        }
      }
    }
    // hand count: tp ∈ {1,2,4,8} (4 values) × pp ∈ {1,…,64} (7 values) = 28 candidates
    assertEquals(28, considered);
    assertEquals(considered, r.totalSearched());
    assertEquals(screened, r.screenedCount());
    assertEquals(bestMfu, r.objectiveValue());
    assertEquals(Map.of("tp", bestTp, "pp", bestPp, "dp", n / (bestTp * bestPp)), r.bestConfig());
    assertTrue(r.ranked().size() <= 5);
    for (int i = 1; i < r.ranked().size(); i++) {
      assertTrue(r.ranked().get(i - 1).objective() >= r.ranked().get(i).objective());
    }
    String trace = String.join("\n", r.trace());
    assertTrue(trace.contains("28 candidates considered"), trace);
    assertTrue(trace.contains("runner-up"), trace);
    assertTrue(trace.contains("memory screen"), trace);
  }

  @Test
  void parallelismHonoursTheContract() {
    ResultView v = ResolverContract.check(new ParallelismOptimizer(),
        Map.of("workload", "Llama3_8B", "fleet", "Lab_64_H100", "batch", 64, "microbatch_size", 1));
    assertEquals(28L, (long) v.field("total_searched").number());
    assertTrue(v.field("tp").number() >= 1);
  }

  @Test
  void placementRanksEveryRegionAndMatchesTheCostModels() {
    double days30 = 30 * 86_400.0;
    List<GridProfile> regions = PlacementOptimizer.regions(Calibration.DEFAULT_PLACEMENT_REGIONS);
    SearchResult r = new PlacementOptimizer().optimize(FLEET, days30, 0.4, regions, 100, CandidateEvaluator.LOCAL);
    assertEquals(3, r.totalSearched());
    assertEquals(3, r.ranked().size()); // the full ranked list
    String best = null;
    double bestObjective = Double.POSITIVE_INFINITY;
    for (GridProfile g : regions) {
      SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(FLEET, days30, 0.4, g);
      EconomicsModel.EconomicsResult e = new EconomicsModel().solve(FLEET, days30, s.facilityEnergy(), g, Double.NaN,
          Double.NaN, 1.0);
      // objective = TCO + tonnes × 100 USD/t
      double objective = e.tco() + s.totalCarbon() / 1000 * 100;
      if (objective < bestObjective) {
        bestObjective = objective;
        best = g.name();
      }
    }
    assertEquals(Map.of("region", best), r.bestConfig());
    assertEquals(bestObjective, r.objectiveValue(), 1e-6 * bestObjective);
    ResolverContract.check(new PlacementOptimizer(), Map.of("fleet", "Lab_64_H100", "duration", "30 days"));
  }

  @Test
  void cheapestHardwareCountsEveryDevice() {
    double floor = 300e12;
    HardwareNode expected = null;
    int priced = 0;
    for (HardwareNode hw : Hardware.list()) {
      if (hw.hasUnitCost() && hw.compute().peakFlops() >= floor) {
        priced++;
        if (expected == null || hw.unitCost() < expected.unitCost()) {
          expected = hw;
        }
      }
    }
    ResultView v = ResolverContract.check(new CheapestHardwareOptimizer(), Map.of("min_flops", "300 TFLOP/s"));
    assertEquals(expected.name(), v.field("hardware_name").value());
    assertEquals(expected.unitCost(), v.field("objective_value").number());
    assertEquals(Hardware.list().size(), (int) v.field("total_searched").number());
    assertEquals(priced, (int) v.field("feasible_count").number());
    assertEquals(Hardware.list().size() - priced, (int) v.field("screened_count").number());
    ResolverContract.assertRejects(new CheapestHardwareOptimizer(), Map.of("min_flops", "1 EFLOP/s"), "min_flops");
  }
}
