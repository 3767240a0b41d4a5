package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * A roofline for a whole fleet: one step's training FLOPs on the fleet's aggregate compute
 * against one gradient synchronisation over the fabric. Which of the two bounds a step?
 */
public final class NetworkRooflineModel extends Model<NetworkRooflineModel.NetworkRooflineResult> {

  public static final Port<Double> FLEET_PEAK_FLOPS =
      Port.quantity("fleet_peak_flops", QuantityKind.COMPUTE_RATE, "PFLOP/s");
  public static final Port<Double> FABRIC_BANDWIDTH = Port.quantity("fabric_bandwidth", QuantityKind.DATA_RATE, "GB/s")
      .describedAs("fabric rate after oversubscription");
  public static final Port<Double> SYNC_BYTES = Port.quantity("sync_bytes", QuantityKind.DATA_SIZE, "GB")
      .describedAs("bytes of one gradient synchronisation, 2·P·b");
  public static final Port<Double> NETWORK_COMPUTE_TIME = Port.quantity("network_compute_time", QuantityKind.TIME, "ms");
  public static final Port<Double> NETWORK_SYNC_TIME = Port.quantity("network_sync_time", QuantityKind.TIME, "ms");
  public static final Port<Double> NETWORK_LATENCY = Port.quantity("network_latency", QuantityKind.TIME, "ms")
      .describedAs("max(compute, sync)");
  public static final Port<String> NETWORK_BOTTLENECK = Port.text("network_bottleneck")
      .describedAs("Network or Compute");
  public static final Port<Double> NETWORK_RIDGE_POINT =
      Port.quantity("network_ridge_point", QuantityKind.ARITHMETIC_INTENSITY)
          .describedAs("fleet FLOP/s over fabric B/s: FLOP per synchronised byte at which compute binds");

  public record NetworkRooflineResult(double fleetPeakFlops, double fabricBandwidth, double syncBytes,
      double networkComputeTime, double networkSyncTime, double networkLatency, String networkBottleneck,
      double networkRidgePoint) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(FLEET_PEAK_FLOPS, fleetPeakFlops);
      out.putDouble(FABRIC_BANDWIDTH, fabricBandwidth);
      out.putDouble(SYNC_BYTES, syncBytes);
      out.putDouble(NETWORK_COMPUTE_TIME, networkComputeTime);
      out.putDouble(NETWORK_SYNC_TIME, networkSyncTime);
      out.putDouble(NETWORK_LATENCY, networkLatency);
      out.put(NETWORK_BOTTLENECK, networkBottleneck);
      out.putDouble(NETWORK_RIDGE_POINT, networkRidgePoint);
    }

    @Override
    public List<String> trace() {
      return List.of(networkBottleneck + "-bound: compute " + Display.format(networkComputeTime, QuantityKind.TIME)
          + " vs synchronisation " + Display.format(networkSyncTime, QuantityKind.TIME) + " of "
          + Display.format(syncBytes, QuantityKind.DATA_SIZE));
    }
  }

  public NetworkRooflineModel() {
    super(Schema.model("NetworkRooflineModel")
        .describedAs("Fleet roofline: training FLOPs on aggregate compute vs gradient sync over the fabric")
        .requires(CommonPorts.WORKLOAD, CommonPorts.FLEET, CommonPorts.PRECISION, CommonPorts.EFFICIENCY)
        .produces(FLEET_PEAK_FLOPS, FABRIC_BANDWIDTH, SYNC_BYTES, NETWORK_COMPUTE_TIME, NETWORK_SYNC_TIME,
            NETWORK_LATENCY, NETWORK_BOTTLENECK, NETWORK_RIDGE_POINT)
        .walls(14)
        .build());
  }

  @Override
  public NetworkRooflineResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.FLEET), in.get(CommonPorts.PRECISION),
        in.getDouble(CommonPorts.EFFICIENCY));
  }

  public NetworkRooflineResult solve(Workload workload, Fleet fleet, Precision precision, double efficiency) {
    Checks.efficiency("efficiency", efficiency);
    if (!workload.hasParameters()) {
      throw new IllegalArgumentException("workload: " + workload.name() + " has no parameter count");
    }
    double p = workload.parameters();
    double peak = fleet.accelerator().compute().flops(precision) * fleet.totalAccelerators();
    double bw = fleet.fabric().effectiveBandwidth();
    double sync = 2 * TransformerMath.weightBytes(p, precision.bytes());
    double ops = TransformerMath.trainingFlops(p, 1);
    double tc = Roofline.computeTime(ops, peak, efficiency);
    double ts = Roofline.memoryTime(sync, bw);
    return new NetworkRooflineResult(peak, bw, sync, tc, ts, Math.max(tc, ts), ts > tc ? "Network" : "Compute",
        Roofline.ridgePoint(peak, bw));
  }
}
