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

  /** The last placement and what decided it: a study varies other knobs far more often than these. */
  private record Last(Fleet fleet, int tp, int dp, int ep, int pp, Placement placement) {}

  // A one-entry memo shared by threads: its value is immutable and fully determined by the key,
  // so a race only costs a recomputation, never a wrong answer.
  private static volatile Last last;

  public static Placement of(Fleet fleet, TrainingLayout layout) {
    TrainingJob job = layout.job();
    Last l = last;
    if (l != null && l.fleet == fleet && l.tp == job.tp() && l.dp == job.dp() && l.ep == job.ep() && l.pp == job.pp()) {
      return l.placement;
    }
    Placement p = place(fleet, layout);
    last = new Last(fleet, job.tp(), job.dp(), job.ep(), job.pp(), p);
    return p;
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
