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

  public static Placement of(Fleet fleet, TrainingLayout layout) {
    TrainingJob job = layout.job();
    int g = fleet.acceleratorsPerNode();
    double intra = fleet.node().intraNodeBandwidth();
    double fabric = Parallelism.perRankFabricBandwidth(fleet.fabric().bandwidth(), fleet.fabric().oversubscription(),
        fleet.node().nicsPerNode(), g);
    Links links = new Links(g, intra, fabric);
    int tp = job.tp();
    int dp = job.dp();
    GroupLink tpLink = links.strided(1, tp);
    GroupLink epLink = links.strided(tp, job.ep());
    GroupLink dpLink = links.strided(tp, dp);
    GroupLink edpLink = links.strided((long) tp * job.ep(), layout.expertDp());
    long stride = (long) tp * dp;
    GroupLink ppLink = links.neighbours(stride, job.pp());
    return new Placement(tpLink, epLink, dpLink, edpLink, ppLink);
  }

  private record Links(int perNode, double intra, double fabric) {
    GroupLink strided(long stride, int size) {
      if (size <= 1) {
        return link(Route.NONE, size, 1, 1);
      }
      int members = Parallelism.groupMembersPerNode(stride, size, perNode);
      int nodes = Parallelism.nodesSpanned(size, members);
      Route r = nodes == 1 ? Route.INTRA_NODE : members == 1 ? Route.FABRIC : Route.HIERARCHICAL;
      return link(r, size, members, nodes);
    }

    /** Pipeline neighbours {@code stride} ranks apart: inside a node only if every stage is. */
    GroupLink neighbours(long stride, int stages) {
      if (stages <= 1) {
        return link(Route.NONE, stages, 1, 1);
      }
      boolean inside = stride * stages <= perNode;
      return link(inside ? Route.INTRA_NODE : Route.FABRIC, stages, inside ? stages : 1, inside ? 1 : stages);
    }

    private GroupLink link(Route r, int size, int members, int nodes) {
      return new GroupLink(r, size, members, nodes, intra, Calibration.ALPHA_INTRA_NODE, fabric,
          Calibration.ALPHA_INTER_NODE);
    }
  }
}
