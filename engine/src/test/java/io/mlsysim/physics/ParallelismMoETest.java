package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParallelismMoETest {

  @Test
  void placementTpInnermost() {
    assertTrue(Parallelism.withinNode(8, 8));
    assertFalse(Parallelism.withinNode(16, 8));
    // DP stride tp·pp·ep: 32 fills nodes of 8 → one member per node; stride 2 → 4 per node.
    assertEquals(1, Parallelism.groupMembersPerNode(32, 256, 8));
    assertEquals(4, Parallelism.groupMembersPerNode(2, 4096, 8));
    assertEquals(2, Parallelism.groupMembersPerNode(2, 2, 8)); // the group is smaller than the node share
    assertEquals(1, Parallelism.groupMembersPerNode(3, 16, 8)); // a stride that does not tile the node
    assertEquals(1024, Parallelism.nodesSpanned(4096, 4));
    assertEquals(1, Parallelism.nodesSpanned(2, 4));
  }

  @Test
  void fabricShareAndFlops() {
    assertEquals(50e9, Parallelism.perRankFabricBandwidth(50e9, 1, 8, 8));
    assertEquals(12.5e9, Parallelism.perRankFabricBandwidth(50e9, 2, 4, 8));
    assertEquals(25e9, Parallelism.perRankFabricBandwidth(50e9, 2, 0, 8)); // unknown NICs: one per GPU
    // 6·P·S + 6·L·h·S² for P = 1e9, L = 10, h = 1000, S = 100.
    assertEquals(6e9 * 100 + 6.0 * 10 * 1000 * 100 * 100,
        Parallelism.trainingFlopsPerSequence(1e9, 10, 1000, 100, false), 1e-3);
    assertEquals(8e9 * 100 + 8.0 * 10 * 1000 * 100 * 100,
        Parallelism.trainingFlopsPerSequence(1e9, 10, 1000, 100, true), 1e-3);
    assertEquals(1e9 / 50e9 + 5e-6, Parallelism.pointToPoint(1e9, 50e9, 5e-6), 1e-18);
  }

  @Test
  void moeRouting() {
    assertEquals(3, MoE.effectiveExperts(8, 2, 1.5));
    assertEquals(8, MoE.effectiveExperts(8, 2, 10));
    assertEquals(4.0 * 10 * 100 * 2 * 2 * 1.5, MoE.payload(4, 10, 100, 2, 2, 1.5));
    assertEquals(700, MoE.dispatchBytes(800, 8));
    assertEquals(0, MoE.dispatchBytes(800, 1));
  }
}
