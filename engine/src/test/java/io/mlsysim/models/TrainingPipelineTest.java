package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Infrastructure;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.core.pipeline.Stage;
import io.mlsysim.hardware.Precision;
import io.mlsysim.training.TrainingJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 4-stage training pipeline. Wiring: DistributedModel produces dp and hardware (the fleet's
 * accelerator) for TrainingMemoryModel and mfu for SustainabilityModel, whose facility_energy
 * feeds EconomicsModel.
 */
class TrainingPipelineTest {

  static final double DURATION = 30 * 86_400.0;

  static Pipeline scrambled() {
    return Pipeline.of(new EconomicsModel(), new SustainabilityModel(), new DistributedModel());
  }

  @Test
  void runsInDependencyOrderAndMatchesStandaloneResolvers() {
    Pipeline p = scrambled();
    List<String> order = p.compiled().order().stream().map(Stage::name).toList();
    assertEquals("DistributedModel", order.get(0));
    assertTrue(order.indexOf("SustainabilityModel") < order.indexOf("EconomicsModel"), order.toString());
    assertEquals("DistributedModel", p.compiled().producerOf("mfu"));
    assertEquals("DistributedModel", p.compiled().producerOf("dp"));
    assertEquals("DistributedModel", p.compiled().producerOf("hardware"));
    assertEquals("SustainabilityModel", p.compiled().producerOf("facility_energy"));

    PipelineResults res = p.run(Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K", "batch", 1024, "tp", 8,
        "pp", 4, "microbatch_size", 2, "duration", "30 days", "grid", "Quebec")); // 30 days = DURATION s

    DistributedModel.DistributedResult d = new DistributedModel().solve(TrainingJob.of(Workloads.Language.LLAMA3_70B)
        .batch(1024).seqLen(2048).precision(Precision.FP16).tp(8).pp(4).microbatchSize(2).build(),
        Systems.Clusters.FRONTIER_8K);
    DistributedModel.DistributedResult pd = res.get("DistributedModel", DistributedModel.DistributedResult.class);
    assertEquals(d.stepLatency(), pd.stepLatency());
    assertEquals(d.mfu(), pd.mfu());
    assertEquals(d.memoryPerRank(), pd.memoryPerRank());

    TrainingMemoryModel.TrainingMemoryResult m = new TrainingMemoryModel().solve(TrainingJob.of(
        Workloads.Language.LLAMA3_70B).batch(1024).seqLen(2048).precision(Precision.FP16).tp(8).pp(4).dp(256)
        .microbatchSize(2).build(), Hardware.Cloud.H100);
    assertEquals(d.memoryPerRank(), m.trainingMemory(), "both report the same per-rank bytes");
    assertEquals(d.memoryPerRank(), res.getDouble(DistributedModel.MEMORY_PER_RANK));

    SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(Systems.Clusters.FRONTIER_8K,
        DURATION, d.mfu(), Infrastructure.Grids.QUEBEC);
    assertEquals(s, res.get("SustainabilityModel"));

    EconomicsModel.EconomicsResult e = new EconomicsModel().solve(Systems.Clusters.FRONTIER_8K, DURATION,
        s.facilityEnergy(), Infrastructure.Grids.QUEBEC, Double.NaN, Double.NaN, 1.0);
    assertEquals(e, res.get("EconomicsModel"));
  }

  @Test
  void compiledFrameGivesTheSameNumbersAcrossCandidates() {
    CompiledPipeline plan = scrambled().compiled();
    Frame frame = plan.newFrame();
    frame.set(CommonPorts.WORKLOAD, Workloads.Language.LLAMA3_70B);
    frame.set(CommonPorts.FLEET, Systems.Clusters.FRONTIER_8K);
    frame.setDouble(CommonPorts.DURATION, DURATION);
    int tp = plan.numericSlot("tp");
    int pp = plan.numericSlot("pp");
    int batch = plan.numericSlot("batch");
    int mb = plan.numericSlot("microbatch_size");
    int tco = plan.numericSlot("tco");
    for (int t : new int[] {1, 2, 4, 8}) {
      for (int q : new int[] {1, 2, 4, 8}) {
        frame.setDoubleAt(tp, t);
        frame.setDoubleAt(pp, q);
        frame.setDoubleAt(batch, 8192); // a whole sequence for every replica, even at dp = 8192
        frame.setDoubleAt(mb, 1);
        plan.evaluate(frame);
        DistributedModel.DistributedResult d = new DistributedModel().solve(TrainingJob.of(
            Workloads.Language.LLAMA3_70B).batch(8192).seqLen(2048).precision(Precision.FP16).tp(t).pp(q).build(),
            Systems.Clusters.FRONTIER_8K);
        assertEquals(d.stepLatency(), frame.getDouble(DistributedModel.STEP_LATENCY));
        assertEquals(d.dp(), frame.getInt(DistributedModel.DP_OUT));
        SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(Systems.Clusters.FRONTIER_8K,
            DURATION, d.mfu(), Infrastructure.Grids.US_AVG);
        assertEquals(new EconomicsModel().solve(Systems.Clusters.FRONTIER_8K, DURATION, s.facilityEnergy(),
            Infrastructure.Grids.US_AVG, Double.NaN, Double.NaN, 1.0).tco(), frame.getDoubleAt(tco));
      }
    }
  }
}
