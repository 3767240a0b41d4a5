package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.Bottleneck;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.training.MemoryTerms;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The roofline of one accelerator running one workload (walls 1 Compute and 2 Memory): the time
 * to do the arithmetic, the time to stream the bytes, which one binds, and what the device draws
 * meanwhile. With {@code training} set it runs forward and backward passes and checks the
 * training footprint; when that footprint does not fit it streams the spill over the host link.
 */
public final class SingleNodeModel extends Model<SingleNodeModel.SingleNodeResult> {

  // ---- inputs specific to this model
  public static final Port<Boolean> TRAINING = Port.flag("training").withDefault(false)
      .describedAs("evaluate a training step (forward + backward) instead of inference");
  public static final Port<Integer> DP_SIZE = Port.count("dp_size").withDefault(1).positive()
      .describedAs("data-parallel group size over which ZeRO shards training state");
  public static final Port<Boolean> LORA = Port.flag("lora").withDefault(false)
      .describedAs("train low-rank adapters only (LoRA)");
  public static final Port<Boolean> RECOMPUTATION = Port.flag("recomputation").withDefault(false)
      .describedAs("recompute activations in the backward pass (selective checkpointing; 4/3 the FLOPs)");

  // ---- outputs
  public static final Port<Double> LATENCY = Port.quantity("latency", QuantityKind.TIME, "ms");
  public static final Port<Double> LATENCY_COMPUTE = Port.quantity("latency_compute", QuantityKind.TIME, "ms");
  public static final Port<Double> LATENCY_MEMORY = Port.quantity("latency_memory", QuantityKind.TIME, "ms");
  public static final Port<Double> LATENCY_OVERHEAD = Port.quantity("latency_overhead", QuantityKind.TIME, "ms");
  public static final Port<Double> THROUGHPUT = Port.quantity("throughput", QuantityKind.RATE);
  public static final Port<String> BOTTLENECK = Port.text("bottleneck");
  public static final Port<Double> BOTTLENECK_RATIO = Port.number("bottleneck_ratio");
  public static final Port<Double> ARITHMETIC_INTENSITY =
      Port.quantity("arithmetic_intensity", QuantityKind.ARITHMETIC_INTENSITY);
  public static final Port<Double> RIDGE_POINT = Port.quantity("ridge_point", QuantityKind.ARITHMETIC_INTENSITY);
  public static final Port<Double> ENERGY = Port.quantity("energy", QuantityKind.ENERGY);
  public static final Port<Double> MEMORY_FOOTPRINT = Port.quantity("memory_footprint", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> MEMORY_CAPACITY = Port.quantity("memory_capacity", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> PEAK_FLOPS_ACTUAL =
      Port.quantity("peak_flops_actual", QuantityKind.COMPUTE_RATE, "TFLOP/s");
  public static final Port<Double> PEAK_BW_ACTUAL = Port.quantity("peak_bw_actual", QuantityKind.DATA_RATE, "GB/s");
  public static final Port<Double> MFU = Port.number("mfu");
  public static final Port<Double> HFU = Port.number("hfu");
  public static final Port<Boolean> FEASIBLE = Port.flag("feasible");
  public static final Port<Boolean> OVERHEAD_DOMINATED = Port.flag("overhead_dominated");
  public static final Port<Boolean> OFFLOADED = Port.flag("offloaded");
  public static final Port<Double> SPILLED_BYTES = Port.quantity("spilled_bytes", QuantityKind.DATA_SIZE, "GB");

  /** Where the weights are streamed from in this evaluation. */
  public enum MemoryTier { MAIN, SRAM, FLASH, HOST_OFFLOAD }

  /** One roofline evaluation; times in s, sizes in B, rates in per-second SI. */
  public record SingleNodeResult(double latency, double latencyCompute, double latencyMemory,
      double latencyOverhead, double throughput, String bottleneck, double bottleneckRatio,
      double arithmeticIntensity, double ridgePoint, double energy, double memoryFootprint,
      double memoryCapacity, double peakFlopsActual, double peakBwActual, double mfu, double hfu,
      boolean feasible, boolean overheadDominated, boolean offloaded, double spilledBytes) implements Result {

    @Override
    public void export(Outputs out) {
      out.putDouble(LATENCY, latency);
      out.putDouble(LATENCY_COMPUTE, latencyCompute);
      out.putDouble(LATENCY_MEMORY, latencyMemory);
      out.putDouble(LATENCY_OVERHEAD, latencyOverhead);
      out.putDouble(THROUGHPUT, throughput);
      out.put(BOTTLENECK, bottleneck);
      out.putDouble(BOTTLENECK_RATIO, bottleneckRatio);
      out.putDouble(ARITHMETIC_INTENSITY, arithmeticIntensity);
      out.putDouble(RIDGE_POINT, ridgePoint);
      out.putDouble(ENERGY, energy);
      out.putDouble(MEMORY_FOOTPRINT, memoryFootprint);
      out.putDouble(MEMORY_CAPACITY, memoryCapacity);
      out.putDouble(PEAK_FLOPS_ACTUAL, peakFlopsActual);
      out.putDouble(PEAK_BW_ACTUAL, peakBwActual);
      out.putDouble(MFU, mfu);
      out.putDouble(HFU, hfu);
      out.putFlag(FEASIBLE, feasible);
      out.putFlag(OVERHEAD_DOMINATED, overheadDominated);
      out.putFlag(OFFLOADED, offloaded);
      out.putDouble(SPILLED_BYTES, spilledBytes);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      String used = MEMORY_FOOTPRINT.format(memoryFootprint) + " of " + MEMORY_CAPACITY.format(memoryCapacity);
      t.add(feasible ? "Memory Wall: Passed (" + used + ")"
          : "Memory Wall: FAILED (" + used + "; " + SPILLED_BYTES.format(spilledBytes)
              + " spill to host memory at " + Display.format(peakBwActual, QuantityKind.DATA_RATE) + ")");
      t.add("Compute Wall: " + bottleneck + "-bound (compute "
          + Display.format(latencyCompute, QuantityKind.TIME) + ", memory "
          + Display.format(latencyMemory, QuantityKind.TIME) + ", ratio " + Display.number(bottleneckRatio)
          + ")");
      t.add("Arithmetic intensity " + Display.number(arithmeticIntensity) + " FLOP/B vs ridge point "
          + Display.number(ridgePoint) + " FLOP/B");
      if (overheadDominated) {
        t.add("Overhead: fixed dispatch and framework taxes ("
            + Display.format(latencyOverhead, QuantityKind.TIME) + ") exceed both compute and memory time");
      }
      return t;
    }
  }

  public SingleNodeModel() {
    super(Schema.model("SingleNodeModel")
        .describedAs("Roofline latency, throughput, utilisation, energy and memory fit of one accelerator")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.PRECISION,
            CommonPorts.EFFICIENCY, TRAINING, CommonPorts.SEQ_LEN, CommonPorts.ZERO_STAGE, DP_SIZE, LORA,
            RECOMPUTATION)
        .produces(LATENCY, LATENCY_COMPUTE, LATENCY_MEMORY, LATENCY_OVERHEAD, THROUGHPUT, BOTTLENECK,
            BOTTLENECK_RATIO, ARITHMETIC_INTENSITY, RIDGE_POINT, ENERGY, MEMORY_FOOTPRINT, MEMORY_CAPACITY,
            PEAK_FLOPS_ACTUAL, PEAK_BW_ACTUAL, MFU, HFU, FEASIBLE, OVERHEAD_DOMINATED, OFFLOADED, SPILLED_BYTES)
        .walls(1, 2)
        .fallacy("A faster accelerator always lowers latency",
            "Below the ridge point the step is bound by memory bandwidth; more FLOP/s change nothing")
        .fallacy("Small models run at high utilisation",
            "At batch 1 fixed dispatch and framework taxes can exceed both compute and memory time")
        .build());
  }

  @Override
  public SingleNodeResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.BATCH),
        in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY), in.getFlag(TRAINING),
        in.getInt(CommonPorts.SEQ_LEN), in.getInt(CommonPorts.ZERO_STAGE), in.getInt(DP_SIZE),
        in.getFlag(LORA), in.getFlag(RECOMPUTATION));
  }

  /** Inference at a batch, precision and efficiency (the other inputs at their defaults). */
  public static SingleNodeResult solve(Workload workload, HardwareNode hardware, int batch, Precision precision,
      double efficiency) {
    return solve(workload, hardware, batch, precision, efficiency, false, Calibration.DEFAULT_SEQ_LEN, 0, 1,
        false, false);
  }

  /** The full evaluation; refuses a non-positive batch or sequence length and η outside (0, 1]. */
  public static SingleNodeResult solve(Workload workload, HardwareNode hardware, int batch, Precision precision,
      double efficiency, boolean training, int seqLen, int zeroStage, int dpSize, boolean lora,
      boolean recomputation) {
    if (workload == null || hardware == null || precision == null) {
      throw new IllegalArgumentException(workload == null ? "workload must be given"
          : hardware == null ? "hardware must be given" : "precision must be one of fp32, tf32, bf16, fp16, fp8, int8, int4");
    }
    Checks.positive("batch", batch);
    Checks.efficiency("efficiency", efficiency);
    Checks.positive("seq_len", seqLen);
    Checks.positive("dp_size", dpSize);
    if (zeroStage < 0 || zeroStage > 3) {
      throw new IllegalArgumentException("zero_stage must be 0, 1, 2 or 3, got " + zeroStage);
    }

    double peak = hardware.compute().flops(precision);
    MemoryHierarchy mem = hardware.memory();
    double w = workload.weightBytes(precision);
    double opsPerSample = workload.inferenceOps()
        * (training ? TransformerMath.trainingMultiplier(recomputation) : 1);
    double footprint = training
        ? trainingFootprint(workload, precision, batch, seqLen, zeroStage, dpSize, lora, recomputation) : w;
    boolean feasible = footprint <= mem.capacity();

    double bw;
    double spilled = 0;
    if (!feasible) {
      double host = hardware.interconnect() != null && hardware.interconnect().bandwidth() > 0
          ? hardware.interconnect().bandwidth() : Calibration.FALLBACK_OFFLOAD_BANDWIDTH;
      bw = Math.min(mem.bandwidth(), host);
      spilled = footprint - mem.capacity();
    } else if (mem.hasSram() && w <= mem.sramCapacity()) {
      bw = mem.sramBandwidth();
    } else if (mem.hasFlash()) {
      bw = mem.flashBandwidth();
    } else {
      bw = mem.bandwidth();
    }

    double flop = opsPerSample * batch;
    double traffic = Roofline.trafficBytes(w, Calibration.ACTIVATION_TRAFFIC_FRACTION, batch);
    double tCompute = Roofline.computeTime(flop, peak, efficiency);
    double tMemory = Roofline.memoryTime(traffic, bw);
    double overhead = hardware.dispatchTax() + workload.layers() * Calibration.FRAMEWORK_LAYER_TAX
        * (training ? Calibration.TRAINING_LAYER_TAX_MULTIPLIER : 1);
    double latency = Math.max(tCompute, tMemory) + overhead;
    double mfu = Roofline.mfu(flop, latency, peak);
    double hfu = training && recomputation ? Roofline.clamp01(mfu * 4 / 3) : mfu;
    double energy = Roofline.energy(hardware.tdp(), Calibration.IDLE_POWER_FRACTION,
        Calibration.DYNAMIC_POWER_FRACTION, mfu, latency);
    Bottleneck bottleneck = flop == 0 && traffic > 0 ? Bottleneck.MEMORY
        : traffic == 0 ? Bottleneck.COMPUTE : Roofline.bottleneck(tCompute, tMemory);
    return new SingleNodeResult(latency, tCompute, tMemory, overhead, batch / latency, bottleneck.label(),
        Roofline.bottleneckRatio(tCompute, tMemory), Roofline.arithmeticIntensity(flop, traffic),
        Roofline.ridgePoint(peak, bw), energy, footprint, mem.capacity(), peak, bw, mfu, hfu, feasible,
        overhead > tCompute && overhead > tMemory, !feasible, spilled);
  }

  /**
   * Training footprint: a transformer's is {@link MemoryTerms} for one device holding the whole
   * batch as one micro-batch with unfused attention, as the reference sizes it (selective
   * checkpointing with recomputation, none — s×s scores kept — without), its
   * optimizer state sharded over {@code dp} ranks per the ZeRO stage; a shape-less model with a
   * parameter count keeps weights, gradients, Adam's moments and an fp32 master copy; a model
   * with no parameter count falls back to a multiple of its weight bytes.
   */
  static double trainingFootprint(Workload workload, Precision precision, int batch, int seqLen, int zeroStage,
      int dp, boolean lora, boolean recomputation) {
    double b = precision.bytes();
    if (!workload.hasParameters()) {
      return workload.weightBytes(precision) * (lora ? Calibration.LORA_TRAINING_MEMORY_FACTOR
          : Calibration.UNSHAPED_TRAINING_MEMORY_FACTOR);
    }
    if (workload instanceof TransformerWorkload t && t.layers() > 0) {
      TrainingJob job = TrainingJob.of(t).batch(batch * dp).microbatchSize(batch).dp(dp).seqLen(seqLen)
          .precision(precision).zeroStage(zeroStage).lora(lora).flashAttention(false)
          .checkpointing(recomputation ? ActivationCheckpointing.SELECTIVE : ActivationCheckpointing.NONE).build();
      return MemoryTerms.total(TrainingLayout.of(job));
    }
    return workload.parameters() * (2 * b + Calibration.ADAM_MOMENT_BYTES_PER_PARAM
        + Calibration.MASTER_WEIGHT_BYTES_PER_PARAM);
  }
}
