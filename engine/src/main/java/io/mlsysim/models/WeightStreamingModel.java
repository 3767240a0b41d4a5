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
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.WeightStreaming;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * The streaming wall (6): a wafer-scale device keeps the KV cache in SRAM and streams the weights
 * in layer by layer. Each layer takes the longer of injecting its weights and computing on them.
 */
public final class WeightStreamingModel extends Model<WeightStreamingModel.WeightStreamingResult> {

  public static final Port<Boolean> PREFILL = Port.flag("prefill").withDefault(false)
      .describedAs("evaluate the prefill of the whole sequence instead of one decode step");

  public static final Port<Double> INJECT_TIME = Port.quantity("inject_time", QuantityKind.TIME, "ms");
  public static final Port<Double> LAYER_COMPUTE_TIME = Port.quantity("layer_compute_time", QuantityKind.TIME, "ms");
  public static final Port<Double> LAYER_TIME = Port.quantity("layer_time", QuantityKind.TIME, "ms");
  public static final Port<String> STREAMING_BOTTLENECK = Port.text("streaming_bottleneck");
  public static final Port<Double> STREAMING_THROUGHPUT = Port.quantity("streaming_throughput", QuantityKind.RATE);
  public static final Port<Double> OPTIMAL_BATCH = Port.number("optimal_batch");
  public static final Port<Double> SRAM_KV_REQUIRED = Port.quantity("sram_kv_required", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> SRAM_CAPACITY = Port.quantity("sram_capacity", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Boolean> STREAMING_FEASIBLE = Port.flag("streaming_feasible");

  static final String COMPUTE_BOUND = "Compute-Bound";
  static final String INTERCONNECT_BOUND = "Interconnect-Bandwidth-Bound";

  public record WeightStreamingResult(double injectTime, double layerComputeTime, double layerTime,
      String streamingBottleneck, double streamingThroughput, double optimalBatch, double sramKvRequired,
      double sramCapacity, boolean streamingFeasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(INJECT_TIME, injectTime);
      out.putDouble(LAYER_COMPUTE_TIME, layerComputeTime);
      out.putDouble(LAYER_TIME, layerTime);
      out.put(STREAMING_BOTTLENECK, streamingBottleneck);
      out.putDouble(STREAMING_THROUGHPUT, streamingThroughput);
      out.putDouble(OPTIMAL_BATCH, optimalBatch);
      out.putDouble(SRAM_KV_REQUIRED, sramKvRequired);
      out.putDouble(SRAM_CAPACITY, sramCapacity);
      out.putFlag(STREAMING_FEASIBLE, streamingFeasible);
    }

    @Override
    public List<String> trace() {
      String sram = Display.format(sramKvRequired, QuantityKind.DATA_SIZE) + " of "
          + Display.format(sramCapacity, QuantityKind.DATA_SIZE);
      return List.of(
          "Memory Wall: " + (streamingFeasible ? "Passed (" : "FAILED (") + "KV cache with headroom " + sram + " SRAM)",
          "Streaming Wall: " + streamingBottleneck + " (inject " + Display.format(injectTime, QuantityKind.TIME)
              + " vs compute " + Display.format(layerComputeTime, QuantityKind.TIME) + " per layer; balanced at batch "
              + Display.number(optimalBatch) + ")");
    }
  }

  public WeightStreamingModel() {
    super(Schema.model("WeightStreamingModel")
        .describedAs("Layer-wise weight streaming into SRAM-resident compute (wafer-scale)")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
            CommonPorts.PRECISION, CommonPorts.EFFICIENCY, PREFILL)
        .produces(INJECT_TIME, LAYER_COMPUTE_TIME, LAYER_TIME, STREAMING_BOTTLENECK, STREAMING_THROUGHPUT,
            OPTIMAL_BATCH, SRAM_KV_REQUIRED, SRAM_CAPACITY, STREAMING_FEASIBLE)
        .walls(6)
        .fallacy("Keeping everything on-chip removes the memory wall",
            "Weights must still stream in every layer; at small batch the interconnect sets the pace")
        .build());
  }

  @Override
  public WeightStreamingResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.BATCH),
        in.getInt(CommonPorts.SEQ_LEN), in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY),
        in.getFlag(PREFILL));
  }

  public static WeightStreamingResult solve(Workload workload, HardwareNode hardware, int batch, int seqLen,
      Precision precision, double efficiency, boolean prefill) {
    TransformerWorkload m = ServingModel.transformer("workload", workload);
    Checks.positive("batch", batch);
    Checks.positive("seq_len", seqLen);
    Checks.efficiency("efficiency", efficiency);
    MemoryHierarchy mem = hardware.memory();
    double sram = mem.hasSram() ? mem.sramCapacity() : mem.capacity();
    double kvNeeded = Calibration.WEIGHT_STREAMING_KV_HEADROOM * ServingModel.kvCacheBytes(m, seqLen, batch, precision);
    boolean feasible = kvNeeded <= sram;

    double perLayer = m.parameters() / m.layers();
    double link = hardware.interconnect() != null && hardware.interconnect().bandwidth() > 0
        ? hardware.interconnect().bandwidth() : Calibration.FALLBACK_INTERCONNECT_BANDWIDTH;
    double peak = hardware.compute().flops(precision);
    double inject = WeightStreaming.injectTime(perLayer, precision.bytes(), link);
    double flop = prefill
        ? WeightStreaming.prefillLayerFlops(perLayer, seqLen, batch, m.kvHeads(), m.headDim())
        : WeightStreaming.decodeLayerFlops(perLayer, batch);
    double compute = Roofline.computeTime(flop, peak, efficiency) + hardware.dispatchTax();
    double layer = Math.max(inject, compute);
    double tokens = prefill ? (double) seqLen * batch : batch;
    return new WeightStreamingResult(inject, compute, layer, compute >= inject ? COMPUTE_BOUND : INTERCONNECT_BOUND,
        feasible ? tokens / (layer * m.layers()) : 0, WeightStreaming.optimalBatch(inject, peak, efficiency, perLayer),
        kvNeeded, sram, feasible);
  }
}
