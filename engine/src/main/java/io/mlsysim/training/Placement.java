package io.mlsysim.training;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.physics.Parallelism;
import io.mlsysim.systems.Fleet;

/**
 * Where each parallel group lands on a fleet, decided once. Ranks are numbered as Megatron-LM
 * does by default (tp innermost, then dp with the expert group inside it, pp outermost): a TP
 * group is tp consecutive ranks, a DP group has stride tp, an expert group is the first ep
 * members of it, the expert-data-parallel group has stride tp·ep, and pipeline neighbours are
 * tp·dp ranks apart, so pipeline stages share a node only when the whole job does.
 */
public record Placement(GroupLink tp, GroupLink ep, GroupLink dp, GroupLink expertDp, GroupLink pp) {

  /** A placement and what decided it. */
  private record Placed(Fleet fleet, int tp, int dp, int ep, int pp, Placement placement) {}

  // A study visits few combinations of degrees on few fleets while it varies everything else, so
  // placements are kept in a small direct-mapped table shared by threads. An entry is immutable
  // (final fields publish safely without a lock) and fully determined by its key, so a race or a
  // collision only costs a recomputation, never a wrong answer.
  private static final int SLOTS = 256;
  private static final Placed[] PLACED = new Placed[SLOTS];

  public static Placement of(Fleet fleet, TrainingLayout layout) {
    TrainingJob job = layout.job();
    int tp = job.tp();
    int dp = job.dp();
    int ep = job.ep();
    int pp = job.pp();
    int slot = (System.identityHashCode(fleet) * 31 + ((tp * 31 + dp) * 31 + ep) * 31 + pp) * 0x9E3779B9 >>> 24;
    Placed p = PLACED[slot];
    if (p != null && p.fleet == fleet && p.tp == tp && p.dp == dp && p.ep == ep && p.pp == pp) {
      return p.placement;
    }
    Placement placement = place(fleet, layout);
    PLACED[slot] = new Placed(fleet, tp, dp, ep, pp, placement);
    return placement;
  }

  private static Placement place(Fleet fleet, TrainingLayout layout) {
    TrainingJob job = layout.job();
    int g = fleet.acceleratorsPerNode();
    double intra = fleet.node().intraNodeBandwidth();
    double fabric = Parallelism.perRankFabricBandwidth(fleet.fabric().bandwidth(), fleet.fabric().oversubscription(),
        fleet.node().nicsPerNode(), g);
    int tp = job.tp();
    int dp = job.dp();
    return new Placement(strided(1, tp, g, intra, fabric), strided(tp, job.ep(), g, intra, fabric),
        strided(tp, dp, g, intra, fabric), strided((long) tp * job.ep(), layout.expertDp(), g, intra, fabric),
        neighbours((long) tp * dp, job.pp(), g, intra, fabric));
  }

  private static GroupLink strided(long stride, int size, int perNode, double intra, double fabric) {
    if (size <= 1) {
      return link(Route.NONE, size, 1, 1, intra, fabric);
    }
    int members = Parallelism.groupMembersPerNode(stride, size, perNode);
    int nodes = Parallelism.nodesSpanned(size, members);
    Route r = nodes == 1 ? Route.INTRA_NODE : members == 1 ? Route.FABRIC : Route.HIERARCHICAL;
    return link(r, size, members, nodes, intra, fabric);
  }

  /** Pipeline neighbours {@code stride} ranks apart: inside a node only if every stage is. */
  private static GroupLink neighbours(long stride, int stages, int perNode, double intra, double fabric) {
    if (stages <= 1) {
      return link(Route.NONE, stages, 1, 1, intra, fabric);
    }
    boolean inside = stride * stages <= perNode;
    return link(inside ? Route.INTRA_NODE : Route.FABRIC, stages, inside ? stages : 1, inside ? 1 : stages, intra,
        fabric);
  }

  private static GroupLink link(Route r, int size, int members, int nodes, double intra, double fabric) {
    return new GroupLink(r, size, members, nodes, intra, Calibration.ALPHA_INTRA_NODE, fabric,
        Calibration.ALPHA_INTER_NODE);
  }
}
