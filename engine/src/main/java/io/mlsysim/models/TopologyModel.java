package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Topology;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/** How a network's shape limits the bandwidth a node sees and how far a message travels (wall 10). */
public final class TopologyModel extends Model<TopologyModel.TopologyResult> {

  public static final Port<Topology.Shape> SHAPE = Port.object("topology", Topology.Shape.class)
      .withDefault(Topology.Shape.FAT_TREE).describedAs("fat_tree, dragonfly, ring or torus_3d");
  public static final Port<Integer> NODES = Port.count("nodes").withDefault(Calibration.DEFAULT_TOPOLOGY_NODES)
      .positive().describedAs("nodes on the network");
  public static final Port<Double> LINK_BANDWIDTH = Port.quantity("link_bandwidth", QuantityKind.DATA_RATE, "GB/s")
      .positive().describedAs("per-node link rate, per direction");
  public static final Port<Double> OVERSUBSCRIPTION = Port.number("oversubscription").withDefault(1.0).positive()
      .describedAs("downlink over uplink capacity (1 = full bisection)");

  public static final Port<Double> BISECTION_FRACTION = Port.number("bisection_fraction");
  public static final Port<Double> TOPOLOGY_EFFECTIVE_BANDWIDTH =
      Port.quantity("topology_effective_bandwidth", QuantityKind.DATA_RATE, "GB/s");
  public static final Port<Double> BISECTION_BANDWIDTH =
      Port.quantity("bisection_bandwidth", QuantityKind.DATA_RATE, "TB/s");
  public static final Port<Double> AVERAGE_HOPS = Port.number("average_hops");

  public record TopologyResult(double bisectionFraction, double topologyEffectiveBandwidth,
      double bisectionBandwidth, double averageHops) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(BISECTION_FRACTION, bisectionFraction);
      out.putDouble(TOPOLOGY_EFFECTIVE_BANDWIDTH, topologyEffectiveBandwidth);
      out.putDouble(BISECTION_BANDWIDTH, bisectionBandwidth);
      out.putDouble(AVERAGE_HOPS, averageHops);
    }

    @Override
    public List<String> trace() {
      return List.of("Locality Wall: " + Display.number(bisectionFraction) + " of each link crosses the bisection; "
          + Display.format(topologyEffectiveBandwidth, QuantityKind.DATA_RATE) + " per node, "
          + Display.number(averageHops) + " hops on average");
    }
  }

  public TopologyModel() {
    super(Schema.model("TopologyModel")
        .describedAs("Bisection fraction, effective and bisection bandwidth, average hops of a network shape")
        .requires(SHAPE, NODES, LINK_BANDWIDTH, OVERSUBSCRIPTION)
        .produces(BISECTION_FRACTION, TOPOLOGY_EFFECTIVE_BANDWIDTH, BISECTION_BANDWIDTH, AVERAGE_HOPS)
        .walls(10)
        .fallacy("Every node of a large cluster can talk to every other at full link rate",
            "Only a fat tree keeps full bisection; rings and tori lose bandwidth as they grow")
        .build());
  }

  @Override
  public TopologyResult evaluate(Inputs in) {
    return solve(in.get(SHAPE), in.getInt(NODES), in.getDouble(LINK_BANDWIDTH), in.getDouble(OVERSUBSCRIPTION));
  }

  public TopologyResult solve(Topology.Shape shape, int nodes, double link, double oversubscription) {
    Checks.positive("nodes", nodes);
    Checks.positive("link_bandwidth", link);
    Checks.positive("oversubscription", oversubscription);
    double beta = Topology.bisectionFraction(shape, nodes, Calibration.DRAGONFLY_BISECTION_FRACTION);
    return new TopologyResult(beta, Topology.effectiveBandwidth(link, beta, oversubscription),
        Topology.bisectionBandwidth(link, beta, nodes, oversubscription),
        Topology.averageHops(shape, nodes, Calibration.FAT_TREE_AVERAGE_HOPS, Calibration.DRAGONFLY_AVERAGE_HOPS));
  }
}
