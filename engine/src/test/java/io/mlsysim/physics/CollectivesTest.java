package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CollectivesTest {

  @Test
  void singleParticipantCostsNothing() {
    assertEquals(0, Collectives.ringAllReduce(1e9, 1, 1e9, 1e-6));
    assertEquals(0, Collectives.treeAllReduce(1e9, 1, 1e9, 1e-6));
    assertEquals(0, Collectives.allToAll(1e9, 1, 1e9, 1e-6));
  }

  @Test
  void ringTreeAllToAll() {
    // ring N = 4: 2·3/4·1e9/1e10 + 6·1e-6 = 0.15 + 6e-6
    assertEquals(0.15 + 6e-6, Collectives.ringAllReduce(1e9, 4, 1e10, 1e-6), 1e-15);
    // tree N = 5: ⌈log2 5⌉ = 3 → 6·(0.1 + 1e-6)
    assertEquals(6 * (0.1 + 1e-6), Collectives.treeAllReduce(1e9, 5, 1e10, 1e-6), 1e-15);
    // all-to-all N = 4: 3/4·0.1 + 3e-6
    assertEquals(0.075 + 3e-6, Collectives.allToAll(1e9, 4, 1e10, 1e-6), 1e-15);
  }

  @Test
  void hierarchical() {
    // g = 8, 4 nodes, M = 8e9: intra 2·(7/8·8e9/4e11 + 7·5e-7) = 0.035 + 7e-6;
    // inter ring of 1e9 over 4 nodes at 5e10: 2·3/4·1e9/5e10 + 6·5e-6 = 0.03 + 3e-5
    double want = 0.035 + 7e-6 + 0.03 + 3e-5;
    assertEquals(want, Collectives.hierarchicalAllReduce(8e9, 8, 4, 4e11, 5e-7, 5e10, 5e-6), 1e-15);
  }

  @Test
  void bubbleAndHelpers() {
    assertEquals(3.0 / 11, Collectives.bubbleFraction(4, 8, 1));
    assertEquals(3.0 / 19, Collectives.bubbleFraction(4, 8, 2)); // interleaving shrinks the bubble
    assertEquals(0, Collectives.bubbleFraction(1, 8, 1));
    assertEquals(450e9, Collectives.perDirection(900e9));
    assertEquals(0, Collectives.ceilLog2(1));
    assertEquals(3, Collectives.ceilLog2(8));
    assertEquals(4, Collectives.ceilLog2(9));
  }
}
