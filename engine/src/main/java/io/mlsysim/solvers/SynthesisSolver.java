package io.mlsysim.solvers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Solver;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.Synthesis;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * Wall 22 (Synthesis): the roofline run backwards. Given a workload and a latency target, the
 * hardware that meets it: memory bandwidth to stream the weights once, peak compute to do one
 * inference at efficiency η, memory to hold the weights, and the ridge point those two rates
 * imply. The solver then runs the roofline forward at its answer and reports whether both
 * times reproduce the target.
 */
public final class SynthesisSolver extends Solver<SynthesisSolver.SynthesisResult> {

  /** The latency to hit; shared with {@link RequiredBandwidthSolver}. */
  public static final Port<Double> TARGET_LATENCY = Port.quantity("target_latency", QuantityKind.TIME, "ms")
      .positive().describedAs("latency target for one inference");

  public static final Port<Double> REQUIRED_BANDWIDTH =
      Port.quantity("required_bandwidth", QuantityKind.DATA_RATE, "TB/s");
  public static final Port<Double> REQUIRED_FLOPS = Port.quantity("required_flops", QuantityKind.COMPUTE_RATE, "TFLOP/s");
  public static final Port<Double> REQUIRED_MEMORY = Port.quantity("required_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> REQUIRED_INTENSITY =
      Port.quantity("required_intensity", QuantityKind.ARITHMETIC_INTENSITY);
  public static final Port<Double> SYNTHESIS_MEMORY_TIME =
      Port.quantity("synthesis_memory_time", QuantityKind.TIME, "ms");
  public static final Port<Double> SYNTHESIS_COMPUTE_TIME =
      Port.quantity("synthesis_compute_time", QuantityKind.TIME, "ms");
  public static final Port<Boolean> SYNTHESIS_ROUND_TRIP = Port.flag("synthesis_round_trip");

  /**
   * @param requiredBandwidth memory bandwidth W/T, B/s
   * @param requiredFlops peak compute ops/(T·η), FLOP/s
   * @param requiredMemory memory capacity W, B
   * @param requiredIntensity ridge point of the synthesized device, FLOP/B
   * @param synthesisMemoryTime forward check: W / required bandwidth, s
   * @param synthesisComputeTime forward check: ops / (required FLOP/s · η), s
   * @param synthesisRoundTrip true when both forward times equal the target
   */
  public record SynthesisResult(double requiredBandwidth, double requiredFlops, double requiredMemory,
      double requiredIntensity, double synthesisMemoryTime, double synthesisComputeTime,
      boolean synthesisRoundTrip) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(REQUIRED_BANDWIDTH, requiredBandwidth);
      out.putDouble(REQUIRED_FLOPS, requiredFlops);
      out.putDouble(REQUIRED_MEMORY, requiredMemory);
      out.putDouble(REQUIRED_INTENSITY, requiredIntensity);
      out.putDouble(SYNTHESIS_MEMORY_TIME, synthesisMemoryTime);
      out.putDouble(SYNTHESIS_COMPUTE_TIME, synthesisComputeTime);
      out.putFlag(SYNTHESIS_ROUND_TRIP, synthesisRoundTrip);
    }

    @Override
    public List<String> trace() {
      String verdict = synthesisRoundTrip ? " = target" : " ≠ target (round trip FAILED)";
      return List.of(
          "needs " + Display.format(requiredBandwidth, QuantityKind.DATA_RATE) + ", "
              + Display.format(requiredFlops, QuantityKind.COMPUTE_RATE) + " and "
              + Display.format(requiredMemory, QuantityKind.DATA_SIZE) + " (ridge point "
              + Display.number(requiredIntensity) + " FLOP/B)",
          "forward check: " + Display.format(requiredMemory, QuantityKind.DATA_SIZE) + " / "
              + Display.format(requiredBandwidth, QuantityKind.DATA_RATE) + " = "
              + Display.format(synthesisMemoryTime, QuantityKind.TIME) + verdict,
          "forward check: ops / (η · " + Display.format(requiredFlops, QuantityKind.COMPUTE_RATE) + ") = "
              + Display.format(synthesisComputeTime, QuantityKind.TIME) + verdict);
    }
  }

  public SynthesisSolver() {
    super(Schema.solver("SynthesisSolver")
        .describedAs("Hardware (bandwidth, FLOP/s, memory) that meets a latency target")
        .requires(CommonPorts.WORKLOAD, TARGET_LATENCY, CommonPorts.PRECISION, CommonPorts.EFFICIENCY)
        .produces(REQUIRED_BANDWIDTH, REQUIRED_FLOPS, REQUIRED_MEMORY, REQUIRED_INTENSITY,
            SYNTHESIS_MEMORY_TIME, SYNTHESIS_COMPUTE_TIME, SYNTHESIS_ROUND_TRIP)
        .walls(22)
        .fallacy("Halving latency needs a chip with twice the FLOP/s",
            "At batch 1 the weights must stream once per inference: bandwidth, not FLOP/s, sets "
                + "the floor, and the synthesized ridge point shows how lopsided the need is")
        .build());
  }

  @Override
  public SynthesisResult evaluate(Inputs in) {
    Workload w = in.get(CommonPorts.WORKLOAD);
    double eta = Checks.efficiency(CommonPorts.EFFICIENCY.name(), in.getDouble(CommonPorts.EFFICIENCY));
    double weights = RequiredBandwidthSolver.weights(w, in.get(CommonPorts.PRECISION));
    double ops = w.inferenceOps();
    if (!(ops > 0)) {
      throw new InvalidInputException(CommonPorts.WORKLOAD.name(), "input 'workload' (" + w.name()
          + ") gives no inference FLOP count or parameters, which the compute requirement needs");
    }
    return solve(weights, ops, in.getDouble(TARGET_LATENCY), eta);
  }

  /** Direct call: weight bytes, FLOP per inference, target latency in s, efficiency η. */
  public static SynthesisResult solve(double weightBytes, double ops, double target, double efficiency) {
    double bw = Synthesis.requiredBandwidth(weightBytes, target);
    double flops = Synthesis.requiredFlops(ops, target, efficiency);
    double memoryTime = Roofline.memoryTime(weightBytes, bw);
    double computeTime = Roofline.computeTime(ops, flops, efficiency);
    boolean ok = Synthesis.roundTrips(memoryTime, target, Calibration.ROUND_TRIP_TOLERANCE)
        && Synthesis.roundTrips(computeTime, target, Calibration.ROUND_TRIP_TOLERANCE);
    return new SynthesisResult(bw, flops, weightBytes, Roofline.ridgePoint(flops, bw), memoryTime,
        computeTime, ok);
  }
}
