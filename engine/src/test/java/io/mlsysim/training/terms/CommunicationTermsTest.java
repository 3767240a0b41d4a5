package io.mlsysim.training.terms;

import static io.mlsysim.training.PublishedFormulas.*;
import static io.mlsysim.training.terms.ComputeTermsTest.BATCH;
import static io.mlsysim.training.terms.ComputeTermsTest.H;
import static io.mlsysim.training.terms.ComputeTermsTest.L_STAGE;
import static io.mlsysim.training.terms.ComputeTermsTest.M;
import static io.mlsysim.training.terms.ComputeTermsTest.S;
import static io.mlsysim.training.terms.ComputeTermsTest.TP;
import static io.mlsysim.training.terms.ComputeTermsTest.shape;
import static io.mlsysim.training.terms.ComputeTermsTest.step;
import static io.mlsysim.training.terms.ComputeTermsTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.training.Route;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingStep;
import org.junit.jupiter.api.Test;

/**
 * Tensor-, pipeline- and expert-parallel traffic against the α–β formulas on the link each group
 * crosses. Llama3_70B on Frontier_8K, tp 8 (one DGX H100 node, NVLink 450 GB/s per direction),
 * pp 4 (neighbours 8·256 ranks apart: the NDR fabric, 50 GB/s per GPU), m = 8, bf16.
 */
class CommunicationTermsTest {

  static final double ALPHA_NV = Calibration.ALPHA_INTRA_NODE;
  static final double ALPHA_IB = Calibration.ALPHA_INTER_NODE;
  /** One micro-batch's layer output in bf16: tokens·h·2 bytes. */
  static final double BOUNDARY = S * H * 2;

  @Test
  void tensorParallelIsFourRingAllReducesPerLayerOnNvlink() {
    TrainingStep s = step(shape().build());
    assertEquals(Route.INTRA_NODE, s.placement.tp().route());
    double ar = ringAllReduce(BOUNDARY, TP, DGX_H100_NVLINK, ALPHA_NV);
    assertRel(M * L_STAGE * 4 * ar, time(s, TensorParallelComm.PORT), "m·L·4·AR_tp(tokens·h·b)");
  }

  @Test
  void fullRecomputationAddsTwoMoreAllReduces() {
    double ar = ringAllReduce(BOUNDARY, TP, DGX_H100_NVLINK, ALPHA_NV);
    assertRel(M * L_STAGE * 6 * ar,
        time(step(shape().checkpointing(ActivationCheckpointing.FULL).build()), TensorParallelComm.PORT),
        "6 per layer");
  }

  @Test
  void sequenceParallelismMovesTheSameRingTraffic() {
    // Each all-reduce becomes a reduce-scatter plus an all-gather: (n−1)/n·M/β + (n−1)α each.
    double rsPlusAg = 2 * ((TP - 1.0) / TP * BOUNDARY / DGX_H100_NVLINK + (TP - 1) * ALPHA_NV);
    assertRel(M * L_STAGE * 4 * rsPlusAg,
        time(step(shape().sequenceParallel(true).build()), TensorParallelComm.PORT), "SP: RS + AG");
  }

  @Test
  void tensorParallelTrafficScalesWithCongestionAndVanishesWithoutTp() {
    double ar = ringAllReduce(BOUNDARY, TP, DGX_H100_NVLINK, ALPHA_NV);
    TrainingStep congested = TrainingStep.of(shape().build(), Systems.Clusters.FRONTIER_8K,
        new StepOptions(false, Calibration.COMM_OVERLAP_EFFICIENCY, 1.5, 1, 1));
    assertRel(1.5 * M * L_STAGE * 4 * ar, time(congested, TensorParallelComm.PORT), "×congestion");
    TrainingStep noTp = step(shape().tp(1).batch(2048 * 8).build());
    assertEquals(0.0, time(noTp, TensorParallelComm.PORT));
  }

  @Test
  void pipelineSendsEachRanksShareOfTheBoundaryAcrossTheFabric() {
    TrainingStep s = step(shape().build());
    assertEquals(Route.FABRIC, s.placement.pp().route());
    double send = BOUNDARY / TP / NDR + ALPHA_IB;
    assertRel(2.0 * 1 * M * send, time(s, PipelineComm.PORT), "2·v·m·(tokens·h·b/tp/β + α)");
    // Interleaving doubles the stage boundaries a micro-batch crosses.
    TrainingStep v2 = step(shape().interleave(2).build());
    assertRel(2.0 * 2 * M * send, time(v2, PipelineComm.PORT), "v = 2");
    assertEquals(0.0, time(step(shape().pp(1).batch(BATCH * 4).build()), PipelineComm.PORT), "pp 1: no sends");
  }

  @Test
  void pipelineInsideOneNodeUsesNvlink() {
    // Pipeline neighbours are tp·dp ranks apart, so stages share a node only when the whole job
    // does: a one-node fleet of one DGX H100, Llama3_8B with tp 2, pp 4 (dp 1, batch 4 → m 4).
    var one = new io.mlsysim.systems.Fleet("one_dgx", Systems.Clusters.FRONTIER_8K.node(), 1,
        Systems.Clusters.FRONTIER_8K.fabric(), Systems.Clusters.FRONTIER_8K.source());
    TrainingJob job = TrainingJob.of(Workloads.Language.LLAMA3_8B).tp(2).pp(4).batch(4).build(); // dp 1, m 4
    TrainingStep s = TrainingStep.of(job, one, StepOptions.DEFAULTS);
    assertEquals(Route.INTRA_NODE, s.placement.pp().route());
    double send = S * LLAMA3_8B_H * 2 / 2 / DGX_H100_NVLINK + ALPHA_NV;
    assertRel(2.0 * 4 * send, time(s, PipelineComm.PORT), "in-node sends");
  }

  @Test
  void expertAllToAllInsideANode() {
    // Mixtral_8x7B on Lab_64_H100 (8 DGX H100), tp 1, pp 1: dp 64, ep 8 = one node; batch 128 → m 2.
    TrainingJob job = TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).batch(128).tp(1).pp(1).ep(8).build();
    TrainingStep s = TrainingStep.of(job, Systems.Clusters.LAB_64_H100, StepOptions.DEFAULTS);
    assertEquals(2, s.layout.microbatches());
    assertEquals(Route.INTRA_NODE, s.placement.ep().route());
    double bytes = S * MIXTRAL_H * 2 * MIXTRAL_K; // tokens·h·b·k
    double a2a = allToAll(bytes, 8, DGX_H100_NVLINK, ALPHA_NV);
    assertRel(2.0 * MIXTRAL_L * 4 * a2a, time(s, ExpertComm.PORT), "m·L·4·A2A_ep(tokens·h·b·k)");
  }

  @Test
  void expertAllToAllAcrossNodesUsesTheFabricAndImbalanceAndFullRecompute() {
    // tp 2, ep 8: expert group of stride 2, four members per node on two nodes → across the HDR fabric.
    TrainingJob job = TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).batch(64).tp(2).pp(1).ep(8)
        .checkpointing(ActivationCheckpointing.FULL).build(); // dp 32, m 2
    double imbalance = 1.25;
    TrainingStep s = TrainingStep.of(job, Systems.Clusters.LAB_64_H100,
        new StepOptions(false, Calibration.COMM_OVERLAP_EFFICIENCY, 1, 1, imbalance));
    assertEquals(Route.HIERARCHICAL, s.placement.ep().route());
    double bytes = S * MIXTRAL_H * 2 * MIXTRAL_K * imbalance;
    double a2a = allToAll(bytes, 8, HDR, ALPHA_IB);
    assertRel(2.0 * MIXTRAL_L * 6 * a2a, time(s, ExpertComm.PORT), "6 all-to-alls with full recompute, on HDR");
  }

  @Test
  void noExpertTrafficWithoutExpertParallelism() {
    TrainingJob moe = TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).batch(64).tp(1).pp(1).build();
    assertEquals(0.0, time(TrainingStep.of(moe, Systems.Clusters.LAB_64_H100, StepOptions.DEFAULTS), ExpertComm.PORT));
    assertEquals(0.0, time(step(shape().build()), ExpertComm.PORT), "dense model");
    assertTrue(time(step(shape().build()), TensorParallelComm.PORT) > 0);
  }
}
