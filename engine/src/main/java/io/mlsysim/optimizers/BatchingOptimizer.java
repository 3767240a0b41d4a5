package io.mlsysim.optimizers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Optimizer;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.ServingModel;
import io.mlsysim.models.TailLatencyModel;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.Map;

/**
 * The largest serving batch that still meets a P99 latency SLA. For each b in 1..max_batch,
 * {@link ServingModel} gives TTFT and ITL at batch b; one batch is served in
 * TTFT + ITL·output_tokens, batches arrive at qps/b, and {@link TailLatencyModel} (M/M/1) gives
 * the P99. A batch is feasible iff its weights and KV cache fit, the queue is stable and
 * P99 ≤ SLA. Output tokens are their own input (not the prompt length), and throughput is
 * reported in tokens/s: b·output_tokens per service time, the server's capacity at that batch.
 */
public final class BatchingOptimizer extends Optimizer<SearchResult> {

  public static final Port<Double> QPS = Port.quantity("qps", QuantityKind.RATE).positive()
      .describedAs("request arrival rate, requests per second");
  public static final Port<Double> SLA = Port.quantity("sla", QuantityKind.TIME, "ms").positive()
      .describedAs("P99 latency bound of one request");
  public static final Port<Integer> OUTPUT_TOKENS = Port.count("output_tokens")
      .withDefault(Calibration.DEFAULT_OUTPUT_TOKENS).positive().describedAs("tokens generated per request");
  public static final Port<Integer> MAX_BATCH = Port.count("max_batch").withDefault(Calibration.BATCHING_MAX_BATCH)
      .positive().describedAs("largest batch searched");
  public static final Port<Integer> BEST_BATCH = Port.count("best_batch");
  public static final Port<Double> BEST_P99 = Port.quantity("best_p99", QuantityKind.TIME, "ms");
  public static final Port<Double> TOKEN_THROUGHPUT = Port.quantity("token_throughput", QuantityKind.RATE)
      .describedAs("tokens per second the server sustains at the winning batch");

  static final String MEMORY = "weights + KV cache exceed memory";
  static final String UNSTABLE = "queue unstable (qps/b ≥ 1/service time)";
  static final String SLA_MISS = "P99 above the SLA";
  static final String REFUSED = "refused by the serving models";

  /** Glue between the two models: the batch's service time and the batch arrival rate. */
  static final class BatchQueueModel extends Model<BatchQueueModel.R> {
    record R(double serviceTime, double arrivalRate) implements Result {
      @Override
      public void export(Outputs out) {
        out.putDouble(TailLatencyModel.SERVICE_TIME, serviceTime);
        out.putDouble(TailLatencyModel.ARRIVAL_RATE, arrivalRate);
      }
    }

    BatchQueueModel() {
      super(Schema.model("BatchQueueModel")
          .requires(ServingModel.TTFT, ServingModel.ITL, QPS, CommonPorts.BATCH, OUTPUT_TOKENS)
          .produces(TailLatencyModel.SERVICE_TIME, TailLatencyModel.ARRIVAL_RATE)
          .build());
    }

    @Override
    public R evaluate(Inputs in) {
      return new R(in.getDouble(ServingModel.TTFT) + in.getDouble(ServingModel.ITL) * in.getInt(OUTPUT_TOKENS),
          in.getDouble(QPS) / in.getInt(CommonPorts.BATCH));
    }
  }

  public BatchingOptimizer() {
    super(Schema.optimizer("BatchingOptimizer")
        .describedAs("Largest serving batch whose P99 latency meets the SLA")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.SEQ_LEN, CommonPorts.PRECISION,
            CommonPorts.EFFICIENCY, QPS, SLA, OUTPUT_TOKENS, MAX_BATCH, ParallelismOptimizer.TOP_K)
        .produces(BEST_BATCH, BEST_P99, TOKEN_THROUGHPUT,
            SearchResult.RANKED, SearchResult.FEASIBLE_COUNT, SearchResult.SCREENED_COUNT)
        .objective(QuantityKind.DIMENSIONLESS, Schema.Goal.MAXIMIZE)
        .walls(5, 7)
        .fallacy("Bigger batches are always better",
            "Throughput grows with the batch, but each request waits for the whole batch: the tail breaks the SLA")
        .build());
  }

  @Override
  public SearchResult evaluate(Inputs in) {
    return optimize(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.getInt(CommonPorts.SEQ_LEN),
        in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY), in.getDouble(QPS), in.getDouble(SLA),
        in.getInt(OUTPUT_TOKENS), in.getInt(MAX_BATCH), in.getInt(ParallelismOptimizer.TOP_K),
        CandidateEvaluator.LOCAL);
  }

  /** Direct call. */
  public SearchResult optimize(Workload workload, HardwareNode hardware, int seqLen, Precision precision,
      double efficiency, double qps, double sla, int outputTokens, int maxBatch, int topK,
      CandidateEvaluator evaluator) {
    CompiledPipeline plan = Pipeline.of(new ServingModel(), new BatchQueueModel(), new TailLatencyModel()).compiled();
    final int width = 5;
    double[] s = new double[maxBatch * width];
    String[] errors = new String[maxBatch];
    evaluator.evaluate(plan, maxBatch, new CandidateEvaluator.FrameScorer() {
      @Override
      public void prepare(Frame f) {
        f.set(CommonPorts.WORKLOAD, workload).set(CommonPorts.HARDWARE, hardware)
            .set(CommonPorts.PRECISION, precision).setInt(CommonPorts.SEQ_LEN, seqLen)
            .setDouble(CommonPorts.EFFICIENCY, efficiency).setDouble(QPS, qps).setInt(OUTPUT_TOKENS, outputTokens);
      }

      @Override
      public void load(int k, Frame f) {
        f.setInt(CommonPorts.BATCH, k + 1);
      }

      @Override
      public void read(Frame f, double[] out, int o) {
        out[o] = f.getFlag(ServingModel.SERVING_FEASIBLE) ? 1 : 0;
        out[o + 1] = f.getFlag(TailLatencyModel.QUEUE_STABLE) ? 1 : 0;
        out[o + 2] = f.getDouble(TailLatencyModel.P99_LATENCY);
        out[o + 3] = f.getDouble(TailLatencyModel.SERVICE_TIME);
        out[o + 4] = f.getDouble(TailLatencyModel.QUEUE_UTILIZATION);
      }
    }, width, s, errors);
    Ranking ranking = new Ranking(true, MEMORY, UNSTABLE, SLA_MISS, REFUSED);
    ranking.considered(maxBatch);
    String binding = null;
    for (int k = 0; k < maxBatch; k++) {
      int o = k * width;
      int b = k + 1;
      if (Double.isNaN(s[o])) {
        ranking.drop(REFUSED);
      } else if (s[o] == 0) {
        ranking.drop(MEMORY);
        binding = binding != null ? binding : MEMORY + " from b = " + b;
      } else if (s[o + 1] == 0) {
        ranking.drop(UNSTABLE);
        binding = binding != null ? binding : UNSTABLE + " from b = " + b;
      } else if (s[o + 2] > sla) {
        ranking.drop(SLA_MISS);
        binding = binding != null ? binding : SLA_MISS + " (" + Display.format(sla, QuantityKind.TIME) + ") at b = " + b;
      } else {
        ranking.accept(Map.of("batch", b), b, Map.of("p99", s[o + 2], "service_time", s[o + 3],
            "token_throughput", b * (double) outputTokens / s[o + 3], "utilization", s[o + 4]));
      }
    }
    return ranking.result("batch", v -> String.valueOf((long) v), topK,
        binding != null ? binding : "the search bound max_batch = " + maxBatch,
        (r, out) -> {
          SearchResult.Candidate best = r.best();
          out.putInt(BEST_BATCH, (Integer) best.config().get("batch"));
          out.putDouble(BEST_P99, (Double) best.metrics().get("p99"));
          out.putDouble(TOKEN_THROUGHPUT, (Double) best.metrics().get("token_throughput"));
        }, SLA.name(), "no batch of " + workload.name() + " on " + hardware.name() + " meets P99 ≤ "
            + Display.format(sla, QuantityKind.TIME) + " at " + qps + " requests/s");
  }
}
