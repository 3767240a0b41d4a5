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
import io.mlsysim.physics.Queueing;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * The batching wall (5): how many requests share the KV-cache budget when each reserves its
 * maximum length (static batching) versus pages of p tokens for the length it actually reaches
 * (paged attention, continuous batching). Request lengths follow an exponential truncated at the
 * maximum; the paged scheme wastes only the partly filled last page.
 */
public final class ContinuousBatchingModel extends Model<ContinuousBatchingModel.ContinuousBatchingResult> {

  public static final Port<Integer> MAX_SEQ_LEN = Port.count("max_seq_len").withDefault(Calibration.DEFAULT_SEQ_LEN)
      .positive().describedAs("longest request, in tokens (prompt + output)");
  public static final Port<Double> MEAN_REQUEST_TOKENS = Port.number("mean_request_tokens").positive()
      .describedAs("mean tokens a request holds in the KV cache");
  public static final Port<Integer> PAGE_SIZE = Port.count("page_size").withDefault(Calibration.KV_PAGE_SIZE_TOKENS)
      .positive().describedAs("tokens per KV-cache page");
  public static final Port<Integer> MAX_BATCH_SIZE = Port.count("max_batch_size").withDefault(0).nonNegative()
      .describedAs("cap on concurrent requests; 0 = no cap");

  public static final Port<Integer> ACTIVE_REQUESTS = Port.count("active_requests");
  public static final Port<Double> BATCHING_ITL = Port.quantity("batching_itl", QuantityKind.TIME, "ms");
  public static final Port<Double> TOKEN_THROUGHPUT = Port.quantity("token_throughput", QuantityKind.RATE);
  public static final Port<Double> ALLOCATED_TOKENS = Port.number("allocated_tokens_per_request");
  public static final Port<Double> PAGED_FRAGMENTATION = Port.number("paged_fragmentation");
  public static final Port<Double> STATIC_FRAGMENTATION = Port.number("static_fragmentation");
  public static final Port<Integer> STATIC_MAX_ACTIVE = Port.count("static_max_active");
  public static final Port<Double> STATIC_THROUGHPUT = Port.quantity("static_throughput", QuantityKind.RATE);
  public static final Port<Double> STATIC_KV_SIZE = Port.quantity("static_kv_size", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> KV_BUDGET = Port.quantity("kv_budget", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> SPEEDUP_VS_STATIC = Port.number("speedup_vs_static");

  public record ContinuousBatchingResult(int activeRequests, double batchingItl, double tokenThroughput,
      double allocatedTokensPerRequest, double pagedFragmentation, double staticFragmentation, int staticMaxActive,
      double staticThroughput, double staticKvSize, double kvBudget, double speedupVsStatic) implements Result {
    @Override
    public void export(Outputs out) {
      out.putInt(ACTIVE_REQUESTS, activeRequests);
      out.putDouble(BATCHING_ITL, batchingItl);
      out.putDouble(TOKEN_THROUGHPUT, tokenThroughput);
      out.putDouble(ALLOCATED_TOKENS, allocatedTokensPerRequest);
      out.putDouble(PAGED_FRAGMENTATION, pagedFragmentation);
      out.putDouble(STATIC_FRAGMENTATION, staticFragmentation);
      out.putInt(STATIC_MAX_ACTIVE, staticMaxActive);
      out.putDouble(STATIC_THROUGHPUT, staticThroughput);
      out.putDouble(STATIC_KV_SIZE, staticKvSize);
      out.putDouble(KV_BUDGET, kvBudget);
      out.putDouble(SPEEDUP_VS_STATIC, speedupVsStatic);
    }

    @Override
    public List<String> trace() {
      if (kvBudget <= 0) {
        return List.of("Batching Wall: FAILED (the weights alone fill the device; no room for a KV cache)");
      }
      return List.of("Batching Wall: paged " + activeRequests + " requests (fragmentation "
          + Display.number(pagedFragmentation * 100) + "%) vs static " + staticMaxActive + " (fragmentation "
          + Display.number(staticFragmentation * 100) + "%) in a KV budget of "
          + Display.format(kvBudget, QuantityKind.DATA_SIZE) + "; " + Display.number(speedupVsStatic) + "x throughput");
    }
  }

  public ContinuousBatchingModel() {
    super(Schema.model("ContinuousBatchingModel")
        .describedAs("Static vs paged KV-cache batching: concurrent requests, fragmentation, token throughput")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, MAX_SEQ_LEN, MEAN_REQUEST_TOKENS, PAGE_SIZE,
            MAX_BATCH_SIZE, CommonPorts.PRECISION)
        .produces(ACTIVE_REQUESTS, BATCHING_ITL, TOKEN_THROUGHPUT, ALLOCATED_TOKENS, PAGED_FRAGMENTATION,
            STATIC_FRAGMENTATION, STATIC_MAX_ACTIVE, STATIC_THROUGHPUT, STATIC_KV_SIZE, KV_BUDGET, SPEEDUP_VS_STATIC)
        .walls(5)
        .fallacy("Batch size is limited by compute",
            "In LLM serving it is limited by KV-cache memory, and static reservation wastes most of it")
        .build());
  }

  @Override
  public ContinuousBatchingResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(MAX_SEQ_LEN),
        in.getDouble(MEAN_REQUEST_TOKENS), in.getInt(PAGE_SIZE), in.getInt(MAX_BATCH_SIZE), in.get(CommonPorts.PRECISION));
  }

  /** @param maxBatchSize cap on concurrent requests, 0 for none */
  public static ContinuousBatchingResult solve(Workload workload, HardwareNode hardware, int maxSeqLen,
      double meanRequestTokens, int pageSize, int maxBatchSize, Precision precision) {
    TransformerWorkload m = ServingModel.transformer("workload", workload);
    Checks.positive("max_seq_len", maxSeqLen);
    Checks.positive("mean_request_tokens", meanRequestTokens);
    Checks.positive("page_size", pageSize);
    Checks.nonNegative("max_batch_size", maxBatchSize);
    if (meanRequestTokens > maxSeqLen) {
      throw new IllegalArgumentException("mean_request_tokens (" + meanRequestTokens
          + ") cannot exceed max_seq_len (" + maxSeqLen + ")");
    }
    double w = m.weightBytes(precision);
    double budget = hardware.memory().capacity() - w;
    double bw = hardware.memory().bandwidth();

    double scale = Queueing.truncatedExponentialScale(meanRequestTokens, maxSeqLen);
    double allocated = pageSize * Queueing.expectedPages(scale, pageSize, maxSeqLen);
    double pagedFrag = Queueing.internalFragmentation(meanRequestTokens, allocated);
    double staticFrag = Queueing.internalFragmentation(meanRequestTokens, maxSeqLen);
    double kvMax = ServingModel.kvCacheBytes(m, maxSeqLen, 1, precision);
    double kvAllocated = ServingModel.kvCacheBytes(m, allocated, 1, precision);
    double kvMean = ServingModel.kvCacheBytes(m, meanRequestTokens, 1, precision);

    int staticActive = fit(budget, kvMax, maxBatchSize);
    int pagedActive = fit(budget, kvAllocated, maxBatchSize);
    double pagedItl = (w + pagedActive * kvMean) / bw;
    double staticItl = (w + staticActive * kvMean) / bw;
    double pagedThroughput = pagedActive / pagedItl;
    double staticThroughput = staticActive / staticItl;
    double speedup = staticThroughput > 0 ? pagedThroughput / staticThroughput
        : (pagedThroughput > 0 ? Double.POSITIVE_INFINITY : 1);
    return new ContinuousBatchingResult(pagedActive, pagedItl, pagedThroughput, allocated, pagedFrag, staticFrag,
        staticActive, staticThroughput, staticActive * kvMax, budget, speedup);
  }

  /** Requests whose reservations fit the budget, capped (cap 0 = none). */
  private static int fit(double budget, double perRequest, int cap) {
    if (budget <= 0) {
      return 0;
    }
    double n = Math.floor(budget / perRequest);
    if (cap > 0) {
      n = Math.min(n, cap);
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }
}
