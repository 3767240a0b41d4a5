package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Scaling;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * The complexity wall (11): how a compute budget divides between parameters and tokens. Without
 * a fixed model size it returns the compute-optimal split (about 20 tokens per parameter); with
 * one it returns the tokens that size can see within the budget.
 */
public final class ScalingModel extends Model<ScalingModel.ScalingResult> {

  public static final Port<Double> COMPUTE_BUDGET = Port.quantity("compute_budget", QuantityKind.OPERATIONS)
      .withDefault(0.0).nonNegative().describedAs("training compute C in FLOP (or give accelerator_days)");
  public static final Port<Double> ACCELERATOR_DAYS = Port.number("accelerator_days").withDefault(0.0).nonNegative()
      .describedAs("budget in accelerator-days at the reference peak and MFU, used when compute_budget is 0");
  public static final Port<Double> MODEL_PARAMS = Port.number("model_params").withDefault(0.0).nonNegative()
      .describedAs("fixed parameter count; 0 = choose the compute-optimal size");

  public static final Port<Double> OPTIMAL_PARAMS = Port.number("optimal_params");
  public static final Port<Double> OPTIMAL_TOKENS = Port.number("optimal_tokens");
  public static final Port<Double> TOKENS_PER_PARAM = Port.number("tokens_per_param");
  public static final Port<Double> BUDGET_FLOP = Port.quantity("budget_flop", QuantityKind.OPERATIONS);

  public record ScalingResult(double optimalParams, double optimalTokens, double tokensPerParam, double budgetFlop)
      implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(OPTIMAL_PARAMS, optimalParams);
      out.putDouble(OPTIMAL_TOKENS, optimalTokens);
      out.putDouble(TOKENS_PER_PARAM, tokensPerParam);
      out.putDouble(BUDGET_FLOP, budgetFlop);
    }

    @Override
    public List<String> trace() {
      return List.of("Complexity Wall: " + Display.format(budgetFlop, QuantityKind.OPERATIONS) + " buys "
          + Display.number(optimalParams) + " parameters on " + Display.number(optimalTokens) + " tokens ("
          + Display.number(tokensPerParam) + " tokens per parameter)");
    }
  }

  public ScalingModel() {
    super(Schema.model("ScalingModel")
        .describedAs("Chinchilla compute-optimal model size and token count for a compute budget")
        .requires(COMPUTE_BUDGET, ACCELERATOR_DAYS, MODEL_PARAMS)
        .produces(OPTIMAL_PARAMS, OPTIMAL_TOKENS, TOKENS_PER_PARAM, BUDGET_FLOP)
        .walls(11)
        .fallacy("A bigger model is always better for the same compute",
            "Past the compute-optimal size every extra parameter costs tokens the model needed")
        .build());
  }

  @Override
  public ScalingResult evaluate(Inputs in) {
    return solve(in.getDouble(COMPUTE_BUDGET), in.getDouble(ACCELERATOR_DAYS), in.getDouble(MODEL_PARAMS));
  }

  /** @param computeBudget FLOP, or 0 to use {@code acceleratorDays}; @param modelParams 0 for compute-optimal */
  public static ScalingResult solve(double computeBudget, double acceleratorDays, double modelParams) {
    Checks.nonNegative("compute_budget", computeBudget);
    Checks.nonNegative("accelerator_days", acceleratorDays);
    Checks.nonNegative("model_params", modelParams);
    double c = computeBudget > 0 ? computeBudget
        : Scaling.acceleratorDaysToFlop(acceleratorDays, Calibration.REFERENCE_PEAK_FLOPS, Calibration.REFERENCE_MFU);
    if (!(c > 0)) {
      throw new IllegalArgumentException("compute_budget must be > 0 (or give accelerator_days > 0)");
    }
    double p = modelParams > 0 ? modelParams : Scaling.optimalParams(c, Calibration.CHINCHILLA_TOKENS_PER_PARAM);
    double d = modelParams > 0 ? Scaling.tokensForBudget(c, p)
        : Scaling.optimalTokens(p, Calibration.CHINCHILLA_TOKENS_PER_PARAM);
    return new ScalingResult(p, d, d / p, c);
  }
}
