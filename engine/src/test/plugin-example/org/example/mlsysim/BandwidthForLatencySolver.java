package org.example.mlsysim;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Solver;
import io.mlsysim.hardware.Precision;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

// region:solver
/** Inverts T = W / BW: the memory bandwidth that streams the weights within a latency target. */
public final class BandwidthForLatencySolver extends Solver<BandwidthForLatencySolver.BandwidthForLatencyResult> {

  public static final Port<Workload> WORKLOAD = Port.object("workload", Workload.class);
  public static final Port<Double> TARGET_LATENCY =
      Port.quantity("target_latency", QuantityKind.TIME).positive();
  // An optional input: callers who say nothing get FP16 weights.
  public static final Port<String> PRECISION = Port.text("precision").withDefault("fp16");
  public static final Port<Double> REQUIRED_BW =
      Port.quantity("required_bw", QuantityKind.DATA_RATE, "GB/s");
  public static final Port<Double> WEIGHT_BYTES = Port.quantity("weight_bytes", QuantityKind.DATA_SIZE);

  public record BandwidthForLatencyResult(double requiredBw, double weightBytes) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(REQUIRED_BW, requiredBw);
      out.putDouble(WEIGHT_BYTES, weightBytes);
    }

    // The trace is text, so it is built only when someone asks for it.
    @Override
    public List<String> trace() {
      return List.of(Display.format(weightBytes, QuantityKind.DATA_SIZE) + " of weights in "
          + Display.format(weightBytes / requiredBw, QuantityKind.TIME) + " needs "
          + Display.format(requiredBw, QuantityKind.DATA_RATE));
    }
  }

  public BandwidthForLatencySolver() {
    super(Schema.solver("BandwidthForLatencySolver")
        .requires(WORKLOAD, TARGET_LATENCY, PRECISION)
        .produces(REQUIRED_BW, WEIGHT_BYTES)
        .walls(2)
        .build());
  }

  @Override
  public BandwidthForLatencyResult evaluate(Inputs in) {
    double weights = in.get(WORKLOAD).weightBytes(Precision.parse(in.get(PRECISION)));
    double t = in.getDouble(TARGET_LATENCY);
    return new BandwidthForLatencyResult(weights / t, weights);
  }
}
// endregion
