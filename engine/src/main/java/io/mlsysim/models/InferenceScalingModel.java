package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Checks;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * The reasoning wall (12): a model that "thinks" for K steps of a fixed number of tokens pays the
 * prefill once and K·tokensPerStep decode steps, each bound by memory bandwidth.
 */
public final class InferenceScalingModel extends Model<InferenceScalingModel.InferenceScalingResult> {

  public static final Port<Integer> REASONING_STEPS = Port.count("reasoning_steps")
      .withDefault(Calibration.DEFAULT_REASONING_STEPS).nonNegative().describedAs("chain-of-thought steps K");

  public static final Port<Double> REASONING_LATENCY = Port.quantity("reasoning_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> REASONING_ENERGY = Port.quantity("reasoning_energy", QuantityKind.ENERGY);
  public static final Port<Integer> REASONING_TOKENS = Port.count("reasoning_tokens");

  public record InferenceScalingResult(double reasoningLatency, double reasoningEnergy, int reasoningTokens)
      implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(REASONING_LATENCY, reasoningLatency);
      out.putDouble(REASONING_ENERGY, reasoningEnergy);
      out.putInt(REASONING_TOKENS, reasoningTokens);
    }

    @Override
    public List<String> trace() {
      return List.of("Reasoning Wall: " + reasoningTokens + " thinking tokens take "
          + Display.format(reasoningLatency, QuantityKind.TIME) + " and "
          + Display.format(reasoningEnergy, QuantityKind.ENERGY));
    }
  }

  public InferenceScalingModel() {
    super(Schema.model("InferenceScalingModel")
        .describedAs("Latency and energy of test-time reasoning: prefill plus K steps of decode")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.PRECISION, CommonPorts.EFFICIENCY,
            CommonPorts.SEQ_LEN, REASONING_STEPS)
        .produces(REASONING_LATENCY, REASONING_ENERGY, REASONING_TOKENS)
        .walls(12)
        .fallacy("Thinking longer is free once the model is trained",
            "Every reasoning token is a bandwidth-bound decode step paid at inference time")
        .build());
  }

  @Override
  public InferenceScalingResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.get(CommonPorts.PRECISION),
        in.getDouble(CommonPorts.EFFICIENCY), in.getInt(CommonPorts.SEQ_LEN), in.getInt(REASONING_STEPS));
  }

  public static InferenceScalingResult solve(Workload workload, HardwareNode hardware, Precision precision,
      double efficiency, int contextTokens, int steps) {
    Checks.nonNegative("reasoning_steps", steps);
    ServingModel.ServingResult s = ServingModel.solve(workload, hardware, contextTokens, 1, precision, efficiency);
    int tokens = steps * Calibration.REASONING_TOKENS_PER_STEP;
    double t = s.ttft() + tokens * s.itl();
    return new InferenceScalingResult(t, hardware.tdp() * t, tokens);
  }
}
