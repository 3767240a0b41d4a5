package io.mlsysim.solvers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Solver;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.Synthesis;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * Wall 2 (Memory), inverted: the memory bandwidth that streams a model's weights once within a
 * latency target, W/T. The answer is checked by running the forward relation, W / BW, at it.
 */
public final class RequiredBandwidthSolver extends Solver<RequiredBandwidthSolver.RequiredBandwidthResult> {

  public static final Port<Double> REQUIRED_BW = Port.quantity("required_bw", QuantityKind.DATA_RATE, "TB/s");
  public static final Port<Double> WEIGHT_BYTES = Port.quantity("weight_bytes", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> REQUIRED_BW_CHECK_TIME =
      Port.quantity("required_bw_check_time", QuantityKind.TIME, "ms");
  public static final Port<Boolean> REQUIRED_BW_ROUND_TRIP = Port.flag("required_bw_round_trip");

  /**
   * @param requiredBw bandwidth W/T, B/s
   * @param weightBytes weight bytes W at the precision, B
   * @param requiredBwCheckTime forward check: W / required bandwidth, s
   * @param requiredBwRoundTrip true when the forward time equals the target
   */
  public record RequiredBandwidthResult(double requiredBw, double weightBytes, double requiredBwCheckTime,
      boolean requiredBwRoundTrip) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(REQUIRED_BW, requiredBw);
      out.putDouble(WEIGHT_BYTES, weightBytes);
      out.putDouble(REQUIRED_BW_CHECK_TIME, requiredBwCheckTime);
      out.putFlag(REQUIRED_BW_ROUND_TRIP, requiredBwRoundTrip);
    }

    @Override
    public List<String> trace() {
      return List.of(
          Display.format(weightBytes, QuantityKind.DATA_SIZE) + " of weights within the target needs "
              + Display.format(requiredBw, QuantityKind.DATA_RATE),
          "forward check: " + Display.format(weightBytes, QuantityKind.DATA_SIZE) + " / "
              + Display.format(requiredBw, QuantityKind.DATA_RATE) + " = "
              + Display.format(requiredBwCheckTime, QuantityKind.TIME)
              + (requiredBwRoundTrip ? " = target" : " ≠ target (round trip FAILED)"));
    }
  }

  public RequiredBandwidthSolver() {
    super(Schema.solver("RequiredBandwidthSolver")
        .describedAs("Memory bandwidth that streams the weights within a latency target")
        .requires(CommonPorts.WORKLOAD, SynthesisSolver.TARGET_LATENCY, CommonPorts.PRECISION)
        .produces(REQUIRED_BW, WEIGHT_BYTES, REQUIRED_BW_CHECK_TIME, REQUIRED_BW_ROUND_TRIP)
        .walls(2)
        .build());
  }

  @Override
  public RequiredBandwidthResult evaluate(Inputs in) {
    return solve(weights(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.PRECISION)),
        in.getDouble(SynthesisSolver.TARGET_LATENCY));
  }

  /** Direct call: weight bytes and the target latency in s. */
  public static RequiredBandwidthResult solve(double weightBytes, double target) {
    double bw = Synthesis.requiredBandwidth(weightBytes, target);
    double forward = Roofline.memoryTime(weightBytes, bw);
    return new RequiredBandwidthResult(bw, weightBytes, forward,
        Synthesis.roundTrips(forward, target, Calibration.ROUND_TRIP_TOLERANCE));
  }

  /** Weight bytes of a workload at a precision; refuses a workload with no size. */
  static double weights(Workload w, Precision precision) {
    double bytes = w.weightBytes(precision);
    if (!(bytes > 0)) {
      throw new InvalidInputException(CommonPorts.WORKLOAD.name(), "input 'workload' (" + w.name()
          + ") gives neither a parameter count nor a model size, so its weight bytes are unknown");
    }
    return bytes;
  }
}
