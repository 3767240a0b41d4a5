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
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.physics.TrainingMemory;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * What one training rank holds in memory: its shard of weights, gradients and optimizer state,
 * the activations of its pipeline stage, and communication buffers; and whether that fits.
 */
public final class TrainingMemoryModel extends Model<TrainingMemoryModel.TrainingMemoryResult> {

  public static final Port<Double> WEIGHTS_MEMORY = Port.quantity("weights_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> GRADIENTS_MEMORY = Port.quantity("gradients_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> OPTIMIZER_MEMORY = Port.quantity("optimizer_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> ACTIVATION_MEMORY =
      Port.quantity("activation_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> BUFFER_MEMORY = Port.quantity("buffer_memory", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> TRAINING_MEMORY = Port.quantity("training_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("total per-rank training footprint");
  public static final Port<Double> TRAINING_MEMORY_UTILIZATION = Port.number("training_memory_utilization")
      .describedAs("footprint over the accelerator's memory capacity");
  public static final Port<Boolean> TRAINING_MEMORY_FEASIBLE = Port.flag("training_memory_feasible");

  /** Every component of a rank's footprint, in bytes. */
  public record TrainingMemoryResult(double weightsMemory, double gradientsMemory, double optimizerMemory,
      double activationMemory, double bufferMemory, double trainingMemory, double trainingMemoryUtilization,
      boolean trainingMemoryFeasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(WEIGHTS_MEMORY, weightsMemory);
      out.putDouble(GRADIENTS_MEMORY, gradientsMemory);
      out.putDouble(OPTIMIZER_MEMORY, optimizerMemory);
      out.putDouble(ACTIVATION_MEMORY, activationMemory);
      out.putDouble(BUFFER_MEMORY, bufferMemory);
      out.putDouble(TRAINING_MEMORY, trainingMemory);
      out.putDouble(TRAINING_MEMORY_UTILIZATION, trainingMemoryUtilization);
      out.putFlag(TRAINING_MEMORY_FEASIBLE, trainingMemoryFeasible);
    }

    /** Capacity the utilisation was measured against, bytes. */
    public double capacity() {
      return trainingMemory / trainingMemoryUtilization;
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      t.add("Memory Wall: " + (trainingMemoryFeasible ? "Passed (" : "FAILED (") + gb(trainingMemory) + " of "
          + gb(capacity()) + " per rank)");
      t.add("weights " + gb(weightsMemory) + ", gradients " + gb(gradientsMemory) + ", optimizer state "
          + gb(optimizerMemory) + ", activations " + gb(activationMemory) + ", buffers " + gb(bufferMemory));
      return t;
    }
  }

  /** Decimal gigabytes, as the memory wall is usually quoted (80 GiB reads 85.9 GB). */
  static String gb(double bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  public TrainingMemoryModel() {
    super(Schema.model("TrainingMemoryModel")
        .describedAs("Per-rank training memory: sharded weights, gradients, optimizer state, activations, buffers")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
            CommonPorts.PRECISION, FleetPorts.OPTIMIZER, FleetPorts.CHECKPOINTING, CommonPorts.TP, CommonPorts.PP,
            FleetPorts.DP, CommonPorts.EP, CommonPorts.ZERO_STAGE, CommonPorts.GRAD_ACCUM,
            FleetPorts.TRAINABLE_FRACTION, FleetPorts.LORA, FleetPorts.COMM_BUFFER_FRACTION)
        .produces(WEIGHTS_MEMORY, GRADIENTS_MEMORY, OPTIMIZER_MEMORY, ACTIVATION_MEMORY, BUFFER_MEMORY,
            TRAINING_MEMORY, TRAINING_MEMORY_UTILIZATION, TRAINING_MEMORY_FEASIBLE)
        .walls(2)
        .fallacy("A 70B model needs 140 GB to train",
            "Adam training holds about 16 bytes per parameter before activations; sharding divides it")
        .build());
  }

  /** The transformer a training model needs, or an error naming the workload input. */
  static TransformerWorkload transformer(Workload w) {
    if (w instanceof TransformerWorkload t && t.hasParameters() && t.layers() > 0) {
      return t;
    }
    throw new IllegalArgumentException("workload: " + w.name() + " is not a transformer with a parameter count "
        + "and layers; training memory and parallelism need one (e.g. Llama3_70B)");
  }

  /** Fraction of parameters trained: LoRA's adapters, else the given fraction. */
  static double trainable(TransformerWorkload w, boolean lora, double trainableFraction) {
    Checks.fraction("trainable_fraction", trainableFraction);
    return lora ? TransformerMath.loraTrainableFraction(Calibration.LORA_RANK, w.hiddenSize(), w.layers(),
        w.parameters()) : trainableFraction;
  }

  /** Direct Java call. */
  public TrainingMemoryResult solve(Workload workload, HardwareNode hardware, int batch, int seqLen,
      Precision precision, OptimizerKind optimizer, ActivationCheckpointing checkpointing, int tp, int pp, int dp,
      int ep, int zeroStage, int gradAccum, double trainableFraction, boolean lora, double bufferFraction) {
    return compute(workload, hardware, batch, seqLen, precision, optimizer, checkpointing, tp, pp, dp, ep,
        zeroStage, gradAccum, trainableFraction, lora, bufferFraction);
  }

  /** The footprint; shared with DistributedModel so both report the same bytes. */
  static TrainingMemoryResult compute(Workload workload, HardwareNode hardware, int batch, int seqLen,
      Precision precision, OptimizerKind optimizer, ActivationCheckpointing checkpointing, int tp, int pp, int dp,
      int ep, int zeroStage, int gradAccum, double trainableFraction, boolean lora, double bufferFraction) {
    TransformerWorkload w = transformer(workload);
    Checks.positive("batch", batch);
    Checks.positive("seq_len", seqLen);
    Checks.positive("tp", tp);
    Checks.positive("pp", pp);
    Checks.positive("dp", dp);
    Checks.positive("ep", ep);
    Checks.positive("grad_accum", gradAccum);
    Checks.inRange("zero_stage", zeroStage, 0, 3);
    Checks.nonNegative("comm_buffer_fraction", bufferFraction);
    double trainable = trainable(w, lora, trainableFraction);
    double b = precision.bytes();
    double stateBytes = TrainingMemory.stateBytesPerParam(optimizer, Calibration.ADAM_STATE_BYTES_PER_PARAM,
        Calibration.SGD_STATE_BYTES_PER_PARAM);
    double p = TrainingMemory.paramsPerRank(w.parameters(), tp, pp, ep);
    int mb = TrainingMemory.microBatch(batch, dp, gradAccum);
    int lps = TrainingMemory.layersPerStage(w.layers(), pp);
    double weights = TrainingMemory.weights(p, b, zeroStage, dp);
    double grads = TrainingMemory.gradients(p, trainable, b, zeroStage, dp);
    double opt = TrainingMemory.optimizerState(p, trainable, stateBytes, zeroStage, dp);
    double act = TrainingMemory.activations(seqLen, mb, w.hiddenSize(), w.heads(), lps, checkpointing, b);
    double buf = TrainingMemory.buffers(grads, bufferFraction, pp, mb, seqLen, w.hiddenSize(), b);
    double total = weights + grads + opt + act + buf;
    double capacity = hardware.memory().capacity();
    return new TrainingMemoryResult(weights, grads, opt, act, buf, total, total / capacity, total <= capacity);
  }

  @Override
  public TrainingMemoryResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.BATCH),
        in.getInt(CommonPorts.SEQ_LEN), in.get(CommonPorts.PRECISION), in.get(FleetPorts.OPTIMIZER),
        in.get(FleetPorts.CHECKPOINTING), in.getInt(CommonPorts.TP), in.getInt(CommonPorts.PP),
        in.getInt(FleetPorts.DP), in.getInt(CommonPorts.EP), in.getInt(CommonPorts.ZERO_STAGE),
        in.getInt(CommonPorts.GRAD_ACCUM), in.getDouble(FleetPorts.TRAINABLE_FRACTION), in.getFlag(FleetPorts.LORA),
        in.getDouble(FleetPorts.COMM_BUFFER_FRACTION));
  }
}
