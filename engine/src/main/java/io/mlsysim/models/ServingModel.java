package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.ServingMath;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import io.mlsysim.workloads.WorkloadTier;
import java.util.ArrayList;
import java.util.List;

/**
 * LLM serving on one accelerator (wall 4): time to first token from the compute-bound prefill,
 * inter-token latency from the bandwidth-bound decode, and whether weights plus KV cache fit.
 * Options: prefix caching, chunked prefill, disaggregated decode on a second device reached over
 * a network, and speculative decoding with a draft model.
 */
public final class ServingModel extends Model<ServingModel.ServingResult> {

  /** Stands for "no separate decode device": decode runs on {@code hardware}. */
  public static final HardwareNode SAME_HARDWARE = HardwareNode.builder("same_as_hardware")
      .compute(new ComputeCore(1)).memory(new MemoryHierarchy(1, 1)).build();
  /** Stands for "no draft model": no speculative decoding. */
  public static final Workload NO_DRAFT = new Workload("no_draft", WorkloadTier.LANGUAGE, Double.NaN,
      Double.NaN, Double.NaN, 0, Provenance.convention("models/no_draft", "placeholder: no draft model"));

  // ---- inputs specific to serving
  public static final Port<HardwareNode> DECODE_HARDWARE = Port.object("decode_hardware", HardwareNode.class)
      .withDefault(SAME_HARDWARE)
      .describedAs("a second accelerator that runs decode (disaggregated serving); default: the same device");
  public static final Port<Double> NETWORK_BANDWIDTH = Port.quantity("network_bandwidth", QuantityKind.DATA_RATE, "GB/s")
      .withDefault(Calibration.DISAGGREGATION_NETWORK_BANDWIDTH).positive()
      .describedAs("link that carries the KV cache from the prefill to the decode device");
  public static final Port<Workload> DRAFT_WORKLOAD = Port.object("draft_workload", Workload.class)
      .withDefault(NO_DRAFT).describedAs("a small draft model for speculative decoding; default: none");
  public static final Port<Double> DRAFT_ACCEPTANCE = Port.number("draft_acceptance")
      .withDefault(Calibration.DRAFT_ACCEPTANCE_RATE).nonNegative()
      .describedAs("probability that the target accepts a drafted token, in [0, 1]");
  public static final Port<Integer> CACHED_PREFIX = Port.count("cached_prefix").withDefault(0).nonNegative()
      .describedAs("prompt tokens already in the prefix cache (not recomputed)");
  public static final Port<Integer> PREFILL_CHUNK = Port.count("prefill_chunk").withDefault(0).nonNegative()
      .describedAs("tokens per prefill chunk; 0 = one unchunked prefill");

  // ---- outputs
  public static final Port<Double> TTFT = Port.quantity("ttft", QuantityKind.TIME, "ms");
  public static final Port<Double> ITL = Port.quantity("itl", QuantityKind.TIME, "ms");
  public static final Port<Double> KV_CACHE_SIZE = Port.quantity("kv_cache_size", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> MODEL_WEIGHTS_SIZE = Port.quantity("model_weights_size", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> TOTAL_MEMORY_REQUIRED =
      Port.quantity("total_memory_required", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> SERVING_MEMORY_CAPACITY =
      Port.quantity("serving_memory_capacity", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> SERVING_MEMORY_UTILIZATION = Port.number("serving_memory_utilization");
  public static final Port<Double> PROMPT_CACHE_HIT_RATIO = Port.number("prompt_cache_hit_ratio");
  public static final Port<Integer> PREFILL_CHUNKS = Port.count("prefill_chunks");
  public static final Port<Double> PREFILL_CHUNK_TIME = Port.quantity("prefill_chunk_time", QuantityKind.TIME, "ms");
  public static final Port<Double> DECODE_STALL_BOUND = Port.quantity("decode_stall_bound", QuantityKind.TIME, "ms");
  public static final Port<Double> KV_TRANSFER_TIME = Port.quantity("kv_transfer_time", QuantityKind.TIME, "ms");
  public static final Port<Double> SPECULATIVE_TOKENS = Port.number("speculative_tokens_per_step");
  public static final Port<Boolean> SERVING_FEASIBLE = Port.flag("serving_feasible");
  /** Generated tokens per second across the batch during decode: B / ITL. */
  public static final Port<Double> DECODE_TOKEN_RATE = Port.quantity("decode_token_rate", QuantityKind.RATE);

  /** One serving evaluation; times in s, sizes in B. */
  public record ServingResult(double ttft, double itl, double kvCacheSize, double modelWeightsSize,
      double totalMemoryRequired, double servingMemoryCapacity, double servingMemoryUtilization,
      double promptCacheHitRatio, int prefillChunks, double prefillChunkTime, double decodeStallBound,
      double kvTransferTime, double speculativeTokensPerStep, boolean servingFeasible, double decodeTokenRate)
      implements Result {

    @Override
    public void export(Outputs out) {
      out.putDouble(TTFT, ttft);
      out.putDouble(ITL, itl);
      out.putDouble(KV_CACHE_SIZE, kvCacheSize);
      out.putDouble(MODEL_WEIGHTS_SIZE, modelWeightsSize);
      out.putDouble(TOTAL_MEMORY_REQUIRED, totalMemoryRequired);
      out.putDouble(SERVING_MEMORY_CAPACITY, servingMemoryCapacity);
      out.putDouble(SERVING_MEMORY_UTILIZATION, servingMemoryUtilization);
      out.putDouble(PROMPT_CACHE_HIT_RATIO, promptCacheHitRatio);
      out.putInt(PREFILL_CHUNKS, prefillChunks);
      out.putDouble(PREFILL_CHUNK_TIME, prefillChunkTime);
      out.putDouble(DECODE_STALL_BOUND, decodeStallBound);
      out.putDouble(KV_TRANSFER_TIME, kvTransferTime);
      out.putDouble(SPECULATIVE_TOKENS, speculativeTokensPerStep);
      out.putFlag(SERVING_FEASIBLE, servingFeasible);
      out.putDouble(DECODE_TOKEN_RATE, decodeTokenRate);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      String used = TOTAL_MEMORY_REQUIRED.format(totalMemoryRequired) + " of "
          + SERVING_MEMORY_CAPACITY.format(servingMemoryCapacity);
      t.add("Memory Wall: " + (servingFeasible ? "Passed (" : "FAILED (") + used + ", KV cache "
          + KV_CACHE_SIZE.format(kvCacheSize) + ")");
      t.add("Serving Wall: TTFT " + Display.format(ttft, QuantityKind.TIME) + " (compute-bound prefill in "
          + prefillChunks + (prefillChunks == 1 ? " chunk" : " chunks") + "), ITL "
          + Display.format(itl, QuantityKind.TIME) + " (bandwidth-bound decode)");
      if (kvTransferTime > 0) {
        t.add("Disaggregated: KV transfer " + Display.format(kvTransferTime, QuantityKind.TIME) + " added to TTFT");
      }
      if (speculativeTokensPerStep > 1) {
        t.add("Speculative decoding: " + Display.number(speculativeTokensPerStep) + " tokens per verification");
      }
      return t;
    }
  }

  public ServingModel() {
    super(Schema.model("ServingModel")
        .describedAs("TTFT, inter-token latency and KV-cache memory of LLM serving")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.SEQ_LEN, CommonPorts.BATCH,
            CommonPorts.PRECISION, CommonPorts.EFFICIENCY, DECODE_HARDWARE, NETWORK_BANDWIDTH, DRAFT_WORKLOAD,
            DRAFT_ACCEPTANCE, CACHED_PREFIX, PREFILL_CHUNK)
        .produces(TTFT, ITL, KV_CACHE_SIZE, MODEL_WEIGHTS_SIZE, TOTAL_MEMORY_REQUIRED, SERVING_MEMORY_CAPACITY,
            SERVING_MEMORY_UTILIZATION, PROMPT_CACHE_HIT_RATIO, PREFILL_CHUNKS, PREFILL_CHUNK_TIME,
            DECODE_STALL_BOUND, KV_TRANSFER_TIME, SPECULATIVE_TOKENS, SERVING_FEASIBLE, DECODE_TOKEN_RATE)
        .walls(4)
        .fallacy("Serving latency is one number",
            "Prefill is compute-bound (TTFT) while every further token re-reads weights and KV cache (ITL)")
        .build());
  }

  @Override
  public ServingResult evaluate(Inputs in) {
    HardwareNode decode = in.get(DECODE_HARDWARE);
    Workload draft = in.get(DRAFT_WORKLOAD);
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.SEQ_LEN),
        in.getInt(CommonPorts.BATCH), in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY),
        decode == SAME_HARDWARE ? null : decode, in.getDouble(NETWORK_BANDWIDTH),
        draft == NO_DRAFT ? null : draft, in.getDouble(DRAFT_ACCEPTANCE), in.getInt(CACHED_PREFIX),
        in.getInt(PREFILL_CHUNK));
  }

  /** Plain serving on one device, no options. */
  public static ServingResult solve(Workload workload, HardwareNode hardware, int seqLen, int batch,
      Precision precision, double efficiency) {
    return solve(workload, hardware, seqLen, batch, precision, efficiency, null,
        Calibration.DISAGGREGATION_NETWORK_BANDWIDTH, null, Calibration.DRAFT_ACCEPTANCE_RATE, 0, 0);
  }

  /**
   * The full evaluation.
   *
   * @param decodeHardware the decode device, or null to decode on {@code hardware}
   * @param draft the draft model for speculative decoding, or null
   * @param prefillChunk tokens per prefill chunk, 0 for one unchunked prefill
   */
  public static ServingResult solve(Workload workload, HardwareNode hardware, int seqLen, int batch,
      Precision precision, double efficiency, HardwareNode decodeHardware, double networkBandwidth,
      Workload draft, double draftAcceptance, int cachedPrefix, int prefillChunk) {
    TransformerWorkload m = transformer("workload", workload);
    Checks.positive("seq_len", seqLen);
    Checks.positive("batch", batch);
    Checks.efficiency("efficiency", efficiency);
    Checks.nonNegative("cached_prefix", cachedPrefix);
    Checks.nonNegative("prefill_chunk", prefillChunk);
    if (cachedPrefix >= seqLen) {
      throw new IllegalArgumentException("cached_prefix must be smaller than seq_len (" + seqLen + "), got "
          + cachedPrefix);
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision must be one of fp32, tf32, bf16, fp16, fp8, int8, int4");
    }
    HardwareNode dec = decodeHardware == null ? hardware : decodeHardware;
    boolean disaggregated = dec != hardware;

    double peak = hardware.compute().flops(precision);
    double params = denseParameters(m);
    int layers = m.layers();
    double newTokens = seqLen - cachedPrefix;
    double prefillFlop = TransformerMath.servingPrefillFlops(params, layers, m.heads(), m.headDim(), newTokens,
        seqLen, batch);
    int chunks = ServingMath.prefillChunks(newTokens, prefillChunk);
    double ttft = Roofline.computeTime(prefillFlop, peak, efficiency) + hardware.dispatchTax() * chunks;
    // every new token attends to the whole context, so a full chunk is the slowest one
    double chunkTokens = prefillChunk > 0 ? Math.min(prefillChunk, newTokens) : newTokens;
    double slowestChunk = Roofline.computeTime(TransformerMath.servingPrefillFlops(params, layers, m.heads(),
        m.headDim(), chunkTokens, seqLen, batch), peak, efficiency) + hardware.dispatchTax();

    double w = m.weightBytes(precision);
    double kv = kvCacheBytes(m, seqLen, batch, precision);
    double transfer = 0;
    if (disaggregated) {
      Checks.positive("network_bandwidth", networkBandwidth);
      transfer = kv / networkBandwidth;
      ttft += transfer;
    }
    double bw = dec.memory().bandwidth();
    double itl = ServingMath.decodeStep(w, kv, bw, layers, Calibration.FRAMEWORK_LAYER_TAX);
    double total = w + kv;
    double expected = 1;
    if (draft != null) {
      Checks.fraction("draft_acceptance", draftAcceptance);
      double draftW = draft.weightBytes(precision);
      double draftKv = draft instanceof TransformerWorkload d && d.layers() > 0
          ? kvCacheBytes(d, seqLen, batch, precision) : 0;
      double tDraft = Roofline.memoryTime(draftW + draftKv, bw);
      expected = ServingMath.speculativeExpectedTokens(draftAcceptance, Calibration.SPECULATIVE_DRAFT_LENGTH);
      itl = ServingMath.speculativeItl(Calibration.SPECULATIVE_DRAFT_LENGTH, tDraft, itl, expected);
      total += draftW;
    }
    double capacity = Math.min(hardware.memory().capacity(), dec.memory().capacity());
    return new ServingResult(ttft, itl, kv, w, total, capacity, total / capacity, cachedPrefix / (double) seqLen,
        chunks, (ttft - transfer) / chunks, slowestChunk, transfer, expected, total <= capacity, batch / itl);
  }

  /** KV-cache bytes of S tokens for a batch: latent (MLA) when the model uses it, else per-head K and V. */
  public static double kvCacheBytes(TransformerWorkload m, double seqLen, double batch, Precision precision) {
    if (m.usesLatentAttention()) {
      return TransformerMath.mlaKvCacheBytes(m.layers(), m.kvLoraRank(), m.qkRopeHeadDim(), seqLen, batch,
          precision.bytes());
    }
    return TransformerMath.kvCacheBytes(m.layers(), m.kvHeads(), m.headDim(), seqLen, batch, precision.bytes());
  }

  /** Parameters doing the work of one token: all of a dense model, the active ones of a mixture of experts. */
  static double denseParameters(TransformerWorkload m) {
    return m instanceof SparseTransformerWorkload s ? s.activeParameters() : m.parameters();
  }

  /** The workload as a transformer with layers, or an error naming the input. */
  static TransformerWorkload transformer(String input, Workload w) {
    if (w instanceof TransformerWorkload t && t.layers() > 0 && t.hasParameters()) {
      return t;
    }
    throw new IllegalArgumentException(input + " must be a transformer language model with a layer count"
        + " (e.g. Llama3_8B); " + (w == null ? "none was given" : w.name() + " is a " + w.family().id()));
  }
}
