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
import io.mlsysim.physics.Collectives;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.ServingMath;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * One LLM serving replica sharded over {@code tp} accelerators of a node with Megatron-style
 * tensor parallelism (wall 4 with the communication of wall 6). Each rank holds 1/tp of the
 * weights and of the KV heads and does 1/tp of the prefill FLOPs; every layer adds two
 * all-reduces of the activations (after attention and after the MLP) over the device's
 * NVLink-class link. At tp = 1 it is {@link ServingModel}'s plain evaluation.
 *
 * <p>KV heads split across ranks only up to the KV head count (grouped-query attention with 8
 * KV heads at tp 16 replicates each head on two ranks); a latent (MLA) cache is one vector per
 * token and is replicated on every rank.
 */
public final class TensorParallelServingModel extends Model<TensorParallelServingModel.TpServingResult> {

  public static final Port<Double> WEIGHTS_PER_DEVICE =
      Port.quantity("weights_per_device", QuantityKind.DATA_SIZE, "GB").describedAs("weight shard of one rank");
  public static final Port<Double> KV_CACHE_PER_DEVICE =
      Port.quantity("kv_cache_per_device", QuantityKind.DATA_SIZE, "GB").describedAs("KV-cache shard of one rank");
  public static final Port<Double> MEMORY_PER_DEVICE = Port.quantity("memory_per_device", QuantityKind.DATA_SIZE, "GB")
      .describedAs("weights plus KV cache on one rank");
  public static final Port<Double> PREFILL_ALLREDUCE_TIME =
      Port.quantity("prefill_allreduce_time", QuantityKind.TIME, "ms")
          .describedAs("tensor-parallel all-reduces of the prefill (2 per layer)");
  public static final Port<Double> DECODE_ALLREDUCE_TIME =
      Port.quantity("decode_allreduce_time", QuantityKind.TIME, "ms")
          .describedAs("tensor-parallel all-reduces of one decode step (2 per layer)");
  public static final Port<Boolean> SHARDED_SERVING_FEASIBLE = Port.flag("sharded_serving_feasible")
      .describedAs("each rank's weights and KV cache fit its memory");

  /** One sharded serving evaluation; times in s, sizes in B. */
  public record TpServingResult(double ttft, double itl, double weightsPerDevice, double kvCachePerDevice,
      double memoryPerDevice, double memoryCapacity, double memoryUtilization, double prefillAllreduceTime,
      double decodeAllreduceTime, double decodeTokenRate, boolean feasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(ServingModel.TTFT, ttft);
      out.putDouble(ServingModel.ITL, itl);
      out.putDouble(WEIGHTS_PER_DEVICE, weightsPerDevice);
      out.putDouble(KV_CACHE_PER_DEVICE, kvCachePerDevice);
      out.putDouble(MEMORY_PER_DEVICE, memoryPerDevice);
      out.putDouble(ServingModel.SERVING_MEMORY_CAPACITY, memoryCapacity);
      out.putDouble(ServingModel.SERVING_MEMORY_UTILIZATION, memoryUtilization);
      out.putDouble(PREFILL_ALLREDUCE_TIME, prefillAllreduceTime);
      out.putDouble(DECODE_ALLREDUCE_TIME, decodeAllreduceTime);
      out.putDouble(ServingModel.DECODE_TOKEN_RATE, decodeTokenRate);
      out.putFlag(SHARDED_SERVING_FEASIBLE, feasible);
    }

    @Override
    public List<String> trace() {
      return List.of(
          "Memory Wall: " + (feasible ? "Passed (" : "FAILED (") + MEMORY_PER_DEVICE.format(memoryPerDevice)
              + " per rank of " + ServingModel.SERVING_MEMORY_CAPACITY.format(memoryCapacity) + ")",
          "Serving Wall: TTFT " + Display.format(ttft, QuantityKind.TIME) + " (all-reduces "
              + Display.format(prefillAllreduceTime, QuantityKind.TIME) + "), ITL "
              + Display.format(itl, QuantityKind.TIME) + " (all-reduces "
              + Display.format(decodeAllreduceTime, QuantityKind.TIME) + ")");
    }
  }

  public TensorParallelServingModel() {
    super(Schema.model("TensorParallelServingModel")
        .describedAs("TTFT, ITL and per-device memory of LLM serving sharded over tp accelerators")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.SEQ_LEN, CommonPorts.BATCH,
            CommonPorts.PRECISION, CommonPorts.EFFICIENCY, CommonPorts.TP)
        .produces(ServingModel.TTFT, ServingModel.ITL, WEIGHTS_PER_DEVICE, KV_CACHE_PER_DEVICE, MEMORY_PER_DEVICE,
            ServingModel.SERVING_MEMORY_CAPACITY, ServingModel.SERVING_MEMORY_UTILIZATION, PREFILL_ALLREDUCE_TIME,
            DECODE_ALLREDUCE_TIME, ServingModel.DECODE_TOKEN_RATE, SHARDED_SERVING_FEASIBLE)
        .walls(4, 6)
        .fallacy("Tensor parallelism divides ITL by tp",
            "Each rank reads 1/tp of the weights, but every layer adds two all-reduces whose latency does not shrink")
        .build());
  }

  @Override
  public TpServingResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.SEQ_LEN),
        in.getInt(CommonPorts.BATCH), in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY),
        in.getInt(CommonPorts.TP));
  }

  /** Serving {@code batch} prompts of {@code seqLen} tokens on {@code tp} devices of one node. */
  public static TpServingResult solve(Workload workload, HardwareNode hardware, int seqLen, int batch,
      Precision precision, double efficiency, int tp) {
    TransformerWorkload m = ServingModel.transformer("workload", workload);
    Checks.positive("seq_len", seqLen);
    Checks.positive("batch", batch);
    Checks.positive("tp", tp);
    Checks.efficiency("efficiency", efficiency);
    if (precision == null) {
      throw new IllegalArgumentException("precision must be one of fp32, tf32, bf16, fp16, fp8, int8, int4");
    }
    if (m.heads() % tp != 0) {
      throw new IllegalArgumentException("tp " + tp + " must divide the " + m.heads() + " attention heads of "
          + m.name());
    }
    double linkBw = Double.NaN;
    if (tp > 1) {
      if (hardware.nvlink() == null || !(hardware.nvlink().perDirectionBandwidth() > 0)) {
        throw new IllegalArgumentException("hardware " + hardware.name() + " has no device-to-device link for"
            + " tensor parallelism; use tp 1");
      }
      linkBw = hardware.nvlink().perDirectionBandwidth();
    }
    int layers = m.layers();
    double b = precision.bytes();
    double h = m.hiddenSize();

    double w = m.weightBytes(precision) / tp;
    int kvShards = m.usesLatentAttention() ? 1 : Math.min(tp, m.kvHeads());
    double kv = ServingModel.kvCacheBytes(m, seqLen, batch, precision) / kvShards;

    double prefillFlop = TransformerMath.servingPrefillFlops(ServingModel.denseParameters(m), layers, m.heads(),
        m.headDim(), seqLen, seqLen, batch);
    double prefillComm = 2.0 * layers
        * Collectives.ringAllReduce(batch * (double) seqLen * h * b, tp, linkBw, Calibration.ALPHA_INTRA_NODE);
    double ttft = Roofline.computeTime(prefillFlop / tp, hardware.compute().flops(precision), efficiency)
        + prefillComm + hardware.dispatchTax();

    double decodeComm = 2.0 * layers * Collectives.ringAllReduce(batch * h * b, tp, linkBw,
        Calibration.ALPHA_INTRA_NODE);
    double itl = ServingMath.decodeStep(w, kv, hardware.memory().bandwidth(), layers, Calibration.FRAMEWORK_LAYER_TAX)
        + decodeComm;

    double perDevice = w + kv;
    double capacity = hardware.memory().capacity();
    return new TpServingResult(ttft, itl, w, kv, perDevice, capacity, perDevice / capacity, prefillComm, decodeComm,
        batch / itl, perDevice <= capacity);
  }
}
