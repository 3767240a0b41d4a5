package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived checks of the corrected DistributedModel. Every expected number below is written
 * out from the registry facts, not taken from the model:
 *
 * <ul>
 *   <li>Llama3_70B: P = 70.6e9, L = 80, h = 8192, a = 64.
 *   <li>Frontier_8K: 1024 × DGX_H100 = 8192 H100; NVLink 450 GB/s per direction; InfiniBand
 *       NDR 400 Gb/s = 50 GB/s per port, 8 NICs per node (one per GPU), oversubscription 1.
 *   <li>H100: 989 TFLOP/s fp16, 3.35 TB/s, 80 GiB, dispatch tax 0.01 ms.
 *   <li>α intra 500 ns, α inter 5 µs; layer tax 0.01 ms × 3 for training.
 * </ul>
 */
class DistributedModelTest {

  static final double REL = 1e-12;
  static final double P = 70.6e9;
  static final double H = 8192;
  static final double PEAK = 989e12;
  static final double HBM_BW = 3.35e12;
  static final double NVLINK = 450e9;
  static final double NDR = 50e9;

  final DistributedModel model = new DistributedModel();

  static void near(double expected, double actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * REL + 1e-300, what);
  }

  static double ring(double m, int n, double bw, double alpha) {
    return n <= 1 ? 0 : 2.0 * (n - 1) / n * m / bw + 2.0 * (n - 1) * alpha;
  }

  /**
   * Llama3_70B on Frontier_8K, tp 8, pp 4, global batch 1024, S 2048, fp16, η 0.5, 8
   * micro-batches, selective checkpointing, Adam, ZeRO 0.
   */
  @Test
  void llama70bOnFrontierTp8Pp4() {
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.LLAMA3_70B, Systems.Clusters.FRONTIER_8K,
        1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 8);

    // Placement: dp = 8192/(8·4) = 256. TP (8 ranks) fills one node; a pipeline (32 ranks) spans
    // 4 nodes, so the DP group (stride 32) has one member per node: its all-reduce is on the fabric.
    assertEquals(256, r.dp());
    assertEquals(DistributedModel.Route.INTRA_NODE, r.tpRoute());
    assertEquals(DistributedModel.Route.FABRIC, r.ppRoute());
    assertEquals(DistributedModel.Route.FABRIC, r.dpRoute());

    // Per-rank memory: p = P/32 = 2.20625e9 params.
    double p = P / 32;
    double weights = p * 2;                 // 4.4125 GB
    double grads = p * 2;                   // 4.4125 GB
    double adam = p * 12;                   // 26.475 GB
    int mb = 1024 / 256;                    // micro-batch ⌈B/(dp·accum)⌉ = 4
    int lps = 80 / 4;                       // 20 layers per stage
    double act = 34.0 * 2048 * mb * H * lps; // selective, b/2 = 1: 45.634 GB
    double buf = 0.05 * grads + 2.0 * mb * 2048 * H * 2; // 0.2206 GB + 0.2684 GB
    double memory = weights + grads + adam + act + buf;   // ≈ 81.42 GB
    near(memory, r.memoryPerRank(), "memory per rank");
    assertTrue(r.memoryFeasible(), "81.4 GB fits in 80 GiB = 85.9 GB");
    near(memory / (80 * Math.pow(2, 30)), r.rankMemoryUtilization(), "utilisation");

    // Per-rank compute: 4 samples per TP×PP group; forward 2PS + 2·L·h·S², ×3 for training, /32.
    double seqFlops = 3 * (2 * P * 2048 + 2.0 * 80 * H * 2048.0 * 2048);
    double rankFlops = 4 * seqFlops / 32;
    double tCompute = rankFlops / (PEAK * 0.5);
    double tMemory = weights * (1 + 0.1 * 4) / HBM_BW;
    double compute = Math.max(tCompute, tMemory) + 1e-5 + lps * 1e-5 * 3;
    near(compute, r.rankComputeLatency(), "rank compute");

    // TP: 4 all-reduces per layer of the stage, of 4·2048·8192·2 B, ring of 8 on NVLink.
    double tokenBytes = 4.0 * 2048 * H * 2;
    double tp = 4 * lps * ring(tokenBytes, 8, NVLINK, 500e-9);
    near(tp, r.tpCommLatency(), "tp");

    // PP: 2·v·m boundary transfers of one micro-batch (tokenBytes/8) on the fabric.
    double pp = 2 * 1 * 8 * (tokenBytes / 8 / NDR + 5e-6);
    near(pp, r.ppCommLatency(), "pp");

    // DP: the rank's 4.4125 GB gradient shard, ring of 256 across 256 nodes on NDR (not NVLink).
    double dpT = ring(weights, 256, NDR, 5e-6);
    near(dpT, r.dpCommLatency(), "dp");
    // The reference would have used NVLink here (dp 256 > 8 per node still → hierarchical in the
    // reference, with the unsharded W/tp); ours is ~9× slower than an NVLink ring would claim.
    assertTrue(dpT > ring(weights, 256, NVLINK, 500e-9) * 8);

    // Bubble (p−1)/(v·m+p−1) = 3/11 of the rank's compute.
    near(3.0 / 11, r.bubbleFraction(), "bubble fraction");
    near(compute * 3 / 11, r.bubbleLatency(), "bubble");

    double step = compute + tp + pp + dpT + compute * 3 / 11;
    near(step, r.stepLatency(), "step");
    near(compute / step, r.scalingEfficiency(), "scaling efficiency");
    near(1024 / step, r.effectiveThroughput(), "samples/s");
    near(rankFlops / step / PEAK, r.mfu(), "fleet MFU (no recomputation, so model FLOPs = executed)");
  }

  /** Eight GPUs on one node, tp 2: the DP group of 4 stays inside the node, on NVLink. */
  @Test
  void dataParallelInsideOneNode() {
    Fleet one = new Fleet("OneDGX", Systems.Nodes.DGX_H100, 1, Systems.Fabrics.INFINIBAND_NDR, null);
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.LLAMA3_8B, one, 16, 2048, Precision.FP16,
        0.5, 2, 1, 1, 1);
    assertEquals(4, r.dp());
    assertEquals(DistributedModel.Route.INTRA_NODE, r.dpRoute());
    // Llama3_8B: P = 8.03e9; shard P/2 at 2 B = 8.03 GB; ring of 4 over 450 GB/s, α 500 ns.
    near(ring(8.03e9 / 2 * 2, 4, NVLINK, 500e-9), r.dpCommLatency(), "dp on NVLink");
    assertEquals(0, r.ppCommLatency());
    assertEquals(0, r.bubbleLatency());
  }

  /** tp 2 on Frontier: 4 DP members per node → reduce-scatter on NVLink, ring of the quarter across 1024 nodes. */
  @Test
  void hierarchicalWhenDpSharesNodes() {
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.LLAMA3_8B, Systems.Clusters.FRONTIER_8K,
        4096, 2048, Precision.FP16, 0.5, 2, 1, 1, 1);
    assertEquals(4096, r.dp());
    assertEquals(DistributedModel.Route.HIERARCHICAL, r.dpRoute());
    double m = 8.03e9 / 2 * 2;
    double expected = 2 * (3.0 / 4 * m / NVLINK + 3 * 500e-9) + ring(m / 4, 1024, NDR, 5e-6);
    near(expected, r.dpCommLatency(), "hierarchical all-reduce");
  }

  /** Interleaving v = 2 with pp 4, m 8: bubble 3/(2·8+3) = 3/19, and PP sends double. */
  @Test
  void interleavedBubble() {
    DistributedModel.DistributedResult v1 = model.solve(Workloads.Language.LLAMA3_70B, Systems.Clusters.FRONTIER_8K,
        1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 8);
    DistributedModel.DistributedResult v2 = model.solve(Workloads.Language.LLAMA3_70B, Systems.Clusters.FRONTIER_8K,
        1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 2, 8, 0, 1, OptimizerKind.ADAM, ActivationCheckpointing.SELECTIVE,
        false, 1.0, 0.05, false, 0.85, 1, 1, 1);
    near(3.0 / 19, v2.bubbleFraction(), "interleaved bubble");
    near(v1.rankComputeLatency() * 3 / 19, v2.bubbleLatency(), "interleaved bubble time");
    near(2 * v1.ppCommLatency(), v2.ppCommLatency(), "v chunks send v times");
  }

  /**
   * Mixtral_8x7B (P 46.7e9, active 12.9e9, L 32, h 4096, 8 experts, top-2) on Research_256
   * (32 × DGX_H100 on Ethernet_100G), tp 1, pp 1, ep 8, batch 256: dp = 32, each EP rank sees 256/(32·8) = 1
   * sequence. EP (8 consecutive ranks) stays inside a node: all-to-all on NVLink.
   */
  @Test
  void mixtralExpertAllToAll() {
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.MIXTRAL_8X7B, Systems.Clusters.RESEARCH_256,
        256, 2048, Precision.FP16, 0.5, 1, 1, 8, 1);
    assertEquals(32, r.dp());
    assertEquals(DistributedModel.Route.INTRA_NODE, r.epRoute());
    double msg = 1.0 * 2048 * 4096 * 2 * 2 * 1.0; // tokens·h·b·k·imbalance = 33.55 MB
    double a2a = 7.0 / 8 * msg / NVLINK + 7 * 500e-9;
    near(4 * 32 * a2a, r.epCommLatency(), "dispatch+combine, fwd+bwd, per layer");

    // ep 16 spans two nodes: the all-to-all goes over Research_256's fabric, Ethernet 100 Gb/s =
    // 12.5 GB/s per port, with α 5 µs; imbalance 1.5 inflates the message.
    DistributedModel.DistributedResult r16 = model.solve(Workloads.Language.MIXTRAL_8X7B,
        Systems.Clusters.RESEARCH_256, 256, 2048, Precision.FP16, 0.5, 1, 1, 16, 1, 1, 0, 1, OptimizerKind.ADAM,
        ActivationCheckpointing.SELECTIVE, false, 1.0, 0.05, false, 0.85, 1, 1, 1.5);
    assertEquals(DistributedModel.Route.FABRIC, r16.epRoute());
    double msg16 = 1.0 * 2048 * 4096 * 2 * 2 * 1.5; // 256/(16·16) = 1 sequence
    near(4 * 32 * (15.0 / 16 * msg16 / 12.5e9 + 15 * 5e-6), r16.epCommLatency(), "ep 16 on the fabric");
  }

  /** Overlap hides 85 % of the DP all-reduce; congestion and stragglers scale what they should. */
  @Test
  void overlapCongestionStraggler() {
    DistributedModel.DistributedResult base = model.solve(Workloads.Language.LLAMA3_70B,
        Systems.Clusters.FRONTIER_8K, 1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 8);
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.LLAMA3_70B, Systems.Clusters.FRONTIER_8K,
        1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 1, 8, 0, 1, OptimizerKind.ADAM, ActivationCheckpointing.SELECTIVE,
        false, 1.0, 0.05, true, 0.85, 1.2, 1.1, 1);
    near(base.dpCommLatency() * 1.2 * (1 - 0.85), r.dpCommLatency(), "exposed dp");
    near(base.tpCommLatency() * 1.2, r.tpCommLatency(), "congested tp");
    double step = (base.rankComputeLatency() + r.dpCommLatency() + r.tpCommLatency() + r.ppCommLatency()
        + base.bubbleLatency()) * 1.1;
    near(step, r.stepLatency(), "straggler on the whole step");
  }

  /** Full recomputation: 8·P per token executed, MFU still counts 6·P; TP does 6 all-reduces per layer. */
  @Test
  void fullRecomputation() {
    DistributedModel.DistributedResult sel = model.solve(Workloads.Language.LLAMA3_70B,
        Systems.Clusters.FRONTIER_8K, 1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 8);
    DistributedModel.DistributedResult full = model.solve(Workloads.Language.LLAMA3_70B,
        Systems.Clusters.FRONTIER_8K, 1024, 2048, Precision.FP16, 0.5, 8, 4, 1, 1, 8, 0, 1, OptimizerKind.ADAM,
        ActivationCheckpointing.FULL, false, 1.0, 0.05, false, 0.85, 1, 1, 1);
    near(sel.tpCommLatency() * 6 / 4, full.tpCommLatency(), "tp with recompute");
    assertTrue(full.rankComputeLatency() > sel.rankComputeLatency() * 1.3);
    assertTrue(full.memoryPerRank() < sel.memoryPerRank());
  }

  @Test
  void nodeWithFewerNicsSharesThePort() {
    Node n = Systems.Nodes.DGX_H100;
    Node twoNics = new Node("TwoNic", n.accelerator(), 8, n.intraNodeBandwidth(), 2, 2, n.hostMemory(),
        n.unitCost(), null);
    Fleet f = new Fleet("TwoNicFleet", twoNics, 1024, Systems.Fabrics.INFINIBAND_NDR, null);
    DistributedModel.DistributedResult r = model.solve(Workloads.Language.LLAMA3_70B, f, 1024, 2048, Precision.FP16,
        0.5, 8, 4, 1, 8);
    near(ring(P / 32 * 2, 256, NDR * 2 / 8, 5e-6), r.dpCommLatency(), "2 NICs for 8 GPUs: a quarter port each");
  }
}
