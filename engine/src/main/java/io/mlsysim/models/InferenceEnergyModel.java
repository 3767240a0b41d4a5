package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Checks;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * Per-sample energy and average power of one batched inference (wall 2), from
 * {@link SingleNodeModel}'s energy and latency of the whole batch: what a single-device study
 * minimizes and holds under a power budget, comparable across batch sizes.
 */
public final class InferenceEnergyModel extends Model<InferenceEnergyModel.InferenceEnergyResult> {

  public static final Port<Double> ENERGY_PER_SAMPLE = Port.quantity("energy_per_sample", QuantityKind.ENERGY)
      .describedAs("energy of the batch over its samples");
  public static final Port<Double> AVERAGE_POWER = Port.quantity("average_power", QuantityKind.POWER)
      .describedAs("energy of the batch over its latency: the device's draw while it runs");

  /** Energy in J, power in W. */
  public record InferenceEnergyResult(double energyPerSample, double averagePower) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(ENERGY_PER_SAMPLE, energyPerSample);
      out.putDouble(AVERAGE_POWER, averagePower);
    }

    @Override
    public List<String> trace() {
      return List.of("Energy: " + ENERGY_PER_SAMPLE.format(energyPerSample) + " per sample at "
          + AVERAGE_POWER.format(averagePower));
    }
  }

  public InferenceEnergyModel() {
    super(Schema.model("InferenceEnergyModel")
        .describedAs("Energy per sample and average power of a batched inference")
        .requires(SingleNodeModel.ENERGY, SingleNodeModel.LATENCY, CommonPorts.BATCH)
        .produces(ENERGY_PER_SAMPLE, AVERAGE_POWER)
        .walls(2)
        .fallacy("Batching always saves energy per sample",
            "Only while the device is memory-bound: once compute-bound, each sample costs the same FLOPs and joules")
        .build());
  }

  @Override
  public InferenceEnergyResult evaluate(Inputs in) {
    return solve(in.getDouble(SingleNodeModel.ENERGY), in.getDouble(SingleNodeModel.LATENCY),
        in.getInt(CommonPorts.BATCH));
  }

  /** Energy E of a batch of B samples taking t: {@code E/B} per sample, {@code E/t} on average. */
  public static InferenceEnergyResult solve(double energy, double latency, int batch) {
    Checks.nonNegative("energy", energy);
    Checks.positive("latency", latency);
    Checks.positive("batch", batch);
    return new InferenceEnergyResult(energy / batch, energy / latency);
  }
}
