package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.MemoryTerms;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.training.terms.ActivationMemory;
import io.mlsysim.training.terms.BufferMemory;
import io.mlsysim.training.terms.GradientsMemory;
import io.mlsysim.training.terms.OptimizerMemory;
import io.mlsysim.training.terms.WeightsMemory;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What one training rank holds in memory — its shard of weights, gradients and optimizer state,
 * the activations of the micro-batches in flight on its pipeline stage, and communication
 * buffers — and whether that fits. The footprint is {@link MemoryTerms}, the same composition
 * DistributedModel reports; this model takes dp as an input instead of a fleet.
 */
public final class TrainingMemoryModel extends Model<TrainingMemoryModel.TrainingMemoryResult> {

  public static final Port<Double> WEIGHTS_MEMORY = WeightsMemory.PORT;
  public static final Port<Double> GRADIENTS_MEMORY = GradientsMemory.PORT;
  public static final Port<Double> OPTIMIZER_MEMORY = OptimizerMemory.PORT;
  public static final Port<Double> ACTIVATION_MEMORY = ActivationMemory.PORT;
  public static final Port<Double> BUFFER_MEMORY = BufferMemory.PORT;
  public static final Port<Double> TRAINING_MEMORY = Port.quantity("training_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("total per-rank training footprint");
  public static final Port<Double> TRAINING_MEMORY_UTILIZATION = Port.number("training_memory_utilization")
      .describedAs("footprint over the accelerator's memory capacity");
  public static final Port<Boolean> TRAINING_MEMORY_FEASIBLE = Port.flag("training_memory_feasible");

  /** Every term of a rank's footprint, in bytes, in {@link MemoryTerms} order, and the total. */
  public static final class TrainingMemoryResult implements Result {
    private final double[] parts;
    private final double total;
    private final double capacity;

    TrainingMemoryResult(double[] parts, double total, double capacity) {
      this.parts = parts;
      this.total = total;
      this.capacity = capacity;
    }

    /** Bytes of one term, by its port. */
    public double part(Port<Double> term) {
      List<MemoryTerm> all = MemoryTerms.all();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).port() == term) {
          return parts[i];
        }
      }
      throw new IllegalArgumentException("not a memory term: " + term.name());
    }

    public double weightsMemory() { return part(WEIGHTS_MEMORY); }
    public double gradientsMemory() { return part(GRADIENTS_MEMORY); }
    public double optimizerMemory() { return part(OPTIMIZER_MEMORY); }
    public double activationMemory() { return part(ACTIVATION_MEMORY); }
    public double bufferMemory() { return part(BUFFER_MEMORY); }
    public double trainingMemory() { return total; }
    public double trainingMemoryUtilization() { return total / capacity; }
    public boolean trainingMemoryFeasible() { return total <= capacity; }
    /** Capacity the utilisation was measured against, bytes. */
    public double capacity() { return capacity; }

    @Override
    public void export(Outputs out) {
      for (int i = 0; i < parts.length; i++) {
        out.putDouble(MemoryTerms.port(i), parts[i]);
      }
      out.putDouble(TRAINING_MEMORY, total);
      out.putDouble(TRAINING_MEMORY_UTILIZATION, total / capacity);
      out.putFlag(TRAINING_MEMORY_FEASIBLE, total <= capacity);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      t.add("Memory Wall: " + (trainingMemoryFeasible() ? "Passed (" : "FAILED (") + gb(total) + " of "
          + gb(capacity) + " per rank)");
      List<String> items = new ArrayList<>();
      List<MemoryTerm> all = MemoryTerms.all();
      for (int i = 0; i < all.size(); i++) {
        items.add(all.get(i).port().name().replace("_memory", "") + " " + gb(parts[i]));
      }
      t.add(String.join(", ", items));
      return t;
    }
  }

  /** Decimal gigabytes, as the memory wall is usually quoted (80 GiB reads 85.9 GB). */
  static String gb(double bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  public TrainingMemoryModel() {
    super(Schema.model("TrainingMemoryModel")
        .describedAs("Per-rank training memory: sharded weights, gradients, optimizer state, activations of the "
            + "micro-batches in flight, buffers")
        .requires(CommonPorts.HARDWARE, FleetPorts.DP)
        .requires(DistributedModel.JOB_PORTS)
        .produces(MemoryTerms.ports())
        .produces(TRAINING_MEMORY, TRAINING_MEMORY_UTILIZATION, TRAINING_MEMORY_FEASIBLE)
        .walls(2)
        .fallacy("A 70B model needs 140 GB to train",
            "Mixed-precision Adam training holds 16-18 bytes per parameter before activations; sharding divides it")
        .build());
  }

  /** Direct Java call: a job (with its dp) on one accelerator. */
  public TrainingMemoryResult solve(TrainingJob job, HardwareNode hardware) {
    double[] parts = new double[MemoryTerms.count()];
    double total = MemoryTerms.evaluate(TrainingLayout.of(job), parts);
    return new TrainingMemoryResult(parts, total, hardware.memory().capacity());
  }

  @Override
  public TrainingMemoryResult evaluate(Inputs in) {
    return solve(DistributedModel.job(in, in.getInt(FleetPorts.DP)), in.get(CommonPorts.HARDWARE));
  }
}
