package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Operations;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * Wall 20 (Safety): the compute bill of training responsibly. Differentially private SGD clips
 * and noises per-sample gradients, which stretches training as the privacy budget ε shrinks;
 * covering a rare subgroup well needs data in inverse proportion to its prevalence.
 */
public final class ResponsibleEngineeringModel extends Model<ResponsibleEngineeringModel.ResponsibleResult> {

  public static final Port<Double> TRAINING_TIME = Port.quantity("training_time", QuantityKind.TIME, "h")
      .positive().describedAs("training time without privacy measures");
  public static final Port<Double> EPSILON = Port.number("epsilon").withDefault(Double.POSITIVE_INFINITY)
      .positive().describedAs("differential-privacy budget ε; infinite (default) means no DP-SGD");
  public static final Port<Double> PREVALENCE = Port.number("prevalence").withDefault(1.0).nonNegative()
      .describedAs("share of the data belonging to the subgroup to cover, in [0, 1]");

  public static final Port<Double> DP_SLOWDOWN = Port.number("dp_slowdown");
  public static final Port<Double> DATA_FACTOR = Port.number("data_factor");
  public static final Port<Double> EFFECTIVE_TRAINING_TIME =
      Port.quantity("effective_training_time", QuantityKind.TIME, "h");

  /**
   * @param dpSlowdown training-time multiplier of DP-SGD, 1 + c/max(ε, εmin)
   * @param dataFactor data multiplier to cover the subgroup, 1/max(prevalence, floor)
   * @param effectiveTrainingTime training time with DP-SGD, s
   */
  public record ResponsibleResult(double dpSlowdown, double dataFactor, double effectiveTrainingTime)
      implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(DP_SLOWDOWN, dpSlowdown);
      out.putDouble(DATA_FACTOR, dataFactor);
      out.putDouble(EFFECTIVE_TRAINING_TIME, effectiveTrainingTime);
    }

    @Override
    public List<String> trace() {
      return List.of("DP-SGD stretches training ×" + Display.number(dpSlowdown) + " to "
              + Display.format(effectiveTrainingTime, QuantityKind.TIME),
          "covering the subgroup needs ×" + Display.number(dataFactor) + " the data");
    }
  }

  public ResponsibleEngineeringModel() {
    super(Schema.model("ResponsibleEngineeringModel")
        .describedAs("Cost of differential privacy and of covering rare subgroups")
        .requires(TRAINING_TIME, EPSILON, PREVALENCE)
        .produces(DP_SLOWDOWN, DATA_FACTOR, EFFECTIVE_TRAINING_TIME)
        .walls(20)
        .fallacy("Privacy and fairness are policy questions with no systems cost",
            "DP-SGD at ε = 1 triples training time, and a subgroup at 1 % prevalence needs 100× the data")
        .build());
  }

  @Override
  public ResponsibleResult evaluate(Inputs in) {
    double prevalence = in.getDouble(PREVALENCE);
    if (!(prevalence >= 0 && prevalence <= 1)) {
      throw new InvalidInputException(PREVALENCE.name(), "input 'prevalence' must be in [0, 1], got "
          + prevalence);
    }
    return solve(in.getDouble(TRAINING_TIME), in.getDouble(EPSILON), prevalence);
  }

  /** Direct call: base training time in s, ε (infinite for none), prevalence in [0, 1]. */
  public static ResponsibleResult solve(double trainingTime, double epsilon, double prevalence) {
    double slowdown = Operations.dpSgdSlowdown(epsilon, Calibration.DP_SGD_SLOWDOWN_COEFFICIENT,
        Calibration.DP_SGD_MIN_EPSILON);
    return new ResponsibleResult(slowdown, Operations.dataFactor(prevalence, Calibration.MIN_PREVALENCE),
        trainingTime * slowdown);
  }
}
