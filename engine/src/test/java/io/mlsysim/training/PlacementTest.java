package io.mlsysim.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.systems.Fleet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement of the parallel groups in Megatron-LM's rank order (tp innermost, then dp, pp
 * outermost), checked by hand for every degree combination on fleets of different sizes, and in
 * an order that revisits each combination after many others so that remembered placements are
 * exercised: a remembered placement must be the one its own fleet and degrees give.
 */
class PlacementTest {

  private record Case(Fleet fleet, int tp, int pp) {}

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Fleet[] fleets = {Systems.Clusters.LAB_64_H100, Systems.Clusters.RESEARCH_256, Systems.Clusters.TRAINING_512_H100,
        Systems.Clusters.SELENE_32, Systems.Clusters.FRONTIER_8K};
    for (Fleet f : fleets) {
      for (int tp = 1; tp <= 8; tp *= 2) {
        for (int pp = 1; pp <= 16; pp *= 2) {
          if (f.totalAccelerators() % (tp * pp) == 0) {
            cases.add(new Case(f, tp, pp));
          }
        }
      }
    }
    return cases;
  }

  private static Placement place(Case c) {
    int dp = c.fleet.totalAccelerators() / (c.tp * c.pp);
    TrainingJob job = TrainingJob.of(Workloads.Language.LLAMA3_70B).batch(dp * 16).dp(dp).tp(c.tp).pp(c.pp).build();
    return Placement.of(c.fleet, TrainingLayout.of(job));
  }

  @Test
  void everyGroupLandsOnTheLinkItsRanksShare() {
    for (int round = 0; round < 2; round++) {
      for (Case c : cases()) {
        int g = c.fleet.acceleratorsPerNode();
        int n = c.fleet.totalAccelerators();
        int dp = n / (c.tp * c.pp);
        Placement p = place(c);
        String at = c.fleet.name() + " tp " + c.tp + " pp " + c.pp;
        // TP: tp consecutive ranks, inside one node whenever tp <= ranks per node
        assertEquals(c.tp == 1 ? Route.NONE : Route.INTRA_NODE, p.tp().route(), at);
        // DP: stride tp; g/tp members share a node, so it spans dp·tp/g nodes
        int dpMembersPerNode = Math.min(dp, Math.max(1, g / c.tp));
        Route dpRoute = dp == 1 ? Route.NONE : dpMembersPerNode == dp ? Route.INTRA_NODE
            : dpMembersPerNode == 1 ? Route.FABRIC : Route.HIERARCHICAL;
        assertEquals(dpRoute, p.dp().route(), at);
        assertEquals(dp, p.dp().size(), at);
        // PP: neighbours tp·dp ranks apart, inside a node only if the whole job is
        Route ppRoute = c.pp == 1 ? Route.NONE : n <= g ? Route.INTRA_NODE : Route.FABRIC;
        assertEquals(ppRoute, p.pp().route(), at);
      }
    }
  }

  @Test
  void aRememberedPlacementIsReturnedOnlyForItsOwnFleetAndDegrees() {
    List<Case> cases = cases();
    List<Placement> first = new ArrayList<>();
    for (Case c : cases) {
      first.add(place(c));
    }
    for (int i = cases.size() - 1; i >= 0; i--) {
      Placement again = place(cases.get(i));
      assertEquals(first.get(i), again, cases.get(i).toString());
    }
    Case c = cases.get(7);
    assertSame(place(c), place(c), "the same fleet and degrees twice in a row reuse one placement");
  }
}
