package io.mlsysim.dse;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;

/**
 * How long a whole pre-training run takes at a fleet's throughput: the workload's published
 * training tokens (else the compute-optimal 20 tokens per parameter) over tokens per second.
 * Produces {@code duration}, so energy, carbon and cost models downstream price the whole run;
 * this is what lets a study trade time-to-train against cost and carbon.
 */
public final class TrainingRunModel extends Model<TrainingRunModel.TrainingRunResult> {
  public static final Port<Double> TRAINING_TOKENS = Port.number("training_tokens")
      .describedAs("tokens of the run: the workload's published figure, else 20 per parameter");
  public static final Port<Double> TOKENS_PER_SECOND = Port.quantity("tokens_per_second", QuantityKind.RATE)
      .describedAs("fleet training tokens per second");
  /** The run's length, the same port energy, carbon and cost models read. */
  public static final Port<Double> DURATION = CommonPorts.DURATION;

  /** The run. */
  public record TrainingRunResult(double trainingTokens, double tokensPerSecond, double duration) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(TRAINING_TOKENS, trainingTokens);
      out.putDouble(TOKENS_PER_SECOND, tokensPerSecond);
      out.putDouble(DURATION, duration);
    }
  }

  public TrainingRunModel() {
    super(Schema.model("TrainingRunModel")
        .describedAs("Time to train a workload on its training tokens at the fleet's throughput")
        .requires(CommonPorts.WORKLOAD, DistributedModel.EFFECTIVE_THROUGHPUT, CommonPorts.SEQ_LEN)
        .produces(TRAINING_TOKENS, TOKENS_PER_SECOND, DURATION)
        .walls(14)
        .fallacy("A faster step means a cheaper run",
            "The run's cost is time × fleet price: a faster step on a much larger fleet can cost more")
        .build());
  }

  @Override
  public TrainingRunResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.getDouble(DistributedModel.EFFECTIVE_THROUGHPUT),
        in.getInt(CommonPorts.SEQ_LEN));
  }

  /** @param samplesPerSecond sequences per second of the fleet */
  public TrainingRunResult solve(Workload workload, double samplesPerSecond, int seqLen) {
    double tokens = workload instanceof TransformerWorkload t && !Double.isNaN(t.trainingTokens())
        ? t.trainingTokens() : Calibration.CHINCHILLA_TOKENS_PER_PARAM * workload.parameters();
    if (!(tokens > 0)) {
      throw new InvalidInputException("workload", workload.name() + " has no parameter count or training tokens;"
          + " the run length needs one of them");
    }
    double rate = samplesPerSecond * seqLen;
    if (!(rate > 0)) {
      throw new InvalidInputException("effective_throughput", "the fleet trains no tokens per second (" + rate + ")");
    }
    return new TrainingRunResult(tokens, rate, tokens / rate);
  }
}
