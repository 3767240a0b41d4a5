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
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * Replica sizing for an LLM service: paged batching sets each replica's concurrent requests and
 * token rate, serving latency at that batch sets the base latency, and the M/M/c tail model says
 * how many replicas keep base latency plus the P99 queueing wait under the target.
 */
public final class ServingCapacityModel extends Model<ServingCapacityModel.ServingCapacityResult> {

  public static final Port<Double> QPS = Port.quantity("qps", QuantityKind.RATE).positive()
      .describedAs("requests per second the service must absorb");
  public static final Port<Double> TARGET_P99 = Port.quantity("target_p99", QuantityKind.TIME, "ms").positive()
      .describedAs("P99 latency target of a whole request");
  public static final Port<Integer> OUTPUT_TOKENS = Port.count("output_tokens")
      .withDefault(Calibration.DEFAULT_OUTPUT_TOKENS).positive().describedAs("tokens generated per request");
  public static final Port<Integer> MAX_BATCH_SIZE = Port.count("max_batch_size")
      .withDefault(Calibration.DEFAULT_MAX_BATCH_SIZE).positive().describedAs("concurrent requests per replica, at most");
  public static final Port<Integer> MAX_REPLICAS = Port.count("max_replicas")
      .withDefault(Calibration.DEFAULT_MAX_REPLICAS).positive().describedAs("largest replica count considered");

  public static final Port<Integer> REPLICAS = Port.count("replicas");
  public static final Port<Integer> REPLICA_BATCH = Port.count("replica_batch");
  public static final Port<Double> PER_REPLICA_QPS = Port.quantity("per_replica_qps", QuantityKind.RATE);
  public static final Port<Double> BASE_LATENCY = Port.quantity("base_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> PREDICTED_P99 = Port.quantity("predicted_p99", QuantityKind.TIME, "ms");
  public static final Port<String> CAPACITY_BOTTLENECK = Port.text("capacity_bottleneck");
  public static final Port<Boolean> CAPACITY_FEASIBLE = Port.flag("capacity_feasible");

  static final String MEMORY = "Memory";
  static final String CAPACITY = "Capacity";
  static final String TAIL = "Tail Latency";
  static final String BASE = "Base Latency";
  static final String FEASIBLE = "Feasible";

  public record ServingCapacityResult(int replicas, int replicaBatch, double perReplicaQps, double baseLatency,
      double predictedP99, String capacityBottleneck, boolean capacityFeasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putInt(REPLICAS, replicas);
      out.putInt(REPLICA_BATCH, replicaBatch);
      out.putDouble(PER_REPLICA_QPS, perReplicaQps);
      out.putDouble(BASE_LATENCY, baseLatency);
      out.putDouble(PREDICTED_P99, predictedP99);
      out.put(CAPACITY_BOTTLENECK, capacityBottleneck);
      out.putFlag(CAPACITY_FEASIBLE, capacityFeasible);
    }

    @Override
    public List<String> trace() {
      return List.of("Capacity: " + (capacityFeasible ? replicas + " replicas" : "FAILED") + " (" + capacityBottleneck
          + "); batch " + replicaBatch + " per replica serves " + Display.number(perReplicaQps)
          + " req/s; base latency " + Display.format(baseLatency, QuantityKind.TIME) + ", P99 "
          + Display.format(predictedP99, QuantityKind.TIME));
    }
  }

  public ServingCapacityModel() {
    super(Schema.model("ServingCapacityModel")
        .describedAs("Replicas needed to serve a request rate within a P99 latency target")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.PRECISION, CommonPorts.EFFICIENCY, QPS,
            TARGET_P99, CommonPorts.SEQ_LEN, OUTPUT_TOKENS, MAX_BATCH_SIZE, MAX_REPLICAS, TailLatencyModel.SERVICE_CV)
        .produces(REPLICAS, REPLICA_BATCH, PER_REPLICA_QPS, BASE_LATENCY, PREDICTED_P99, CAPACITY_BOTTLENECK,
            CAPACITY_FEASIBLE)
        .walls(4, 5, 7)
        .fallacy("Replicas = load / per-replica throughput",
            "Running replicas near saturation blows the tail; the P99 target, not the mean, sets the count")
        .build());
  }

  @Override
  public ServingCapacityResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.HARDWARE), in.get(CommonPorts.PRECISION),
        in.getDouble(CommonPorts.EFFICIENCY), in.getDouble(QPS), in.getDouble(TARGET_P99),
        in.getInt(CommonPorts.SEQ_LEN), in.getInt(OUTPUT_TOKENS), in.getInt(MAX_BATCH_SIZE), in.getInt(MAX_REPLICAS),
        in.getDouble(TailLatencyModel.SERVICE_CV));
  }

  /** qps in requests/s, target P99 in s; every request holds seq_len tokens of KV cache. */
  public static ServingCapacityResult solve(Workload workload, HardwareNode hardware, Precision precision,
      double efficiency, double qps, double targetP99, int seqLen, int outputTokens, int maxBatchSize,
      int maxReplicas, double serviceCv) {
    Checks.positive("qps", qps);
    Checks.positive("target_p99", targetP99);
    Checks.positive("output_tokens", outputTokens);
    Checks.positive("max_batch_size", maxBatchSize);
    Checks.positive("max_replicas", maxReplicas);
    ContinuousBatchingModel.ContinuousBatchingResult cb = ContinuousBatchingModel.solve(workload, hardware, seqLen,
        seqLen, Calibration.KV_PAGE_SIZE_TOKENS, maxBatchSize, precision);
    int batch = cb.activeRequests();
    if (batch == 0) {
      double inf = Double.POSITIVE_INFINITY;
      return new ServingCapacityResult(0, 0, 0, inf, inf, MEMORY, false);
    }
    ServingModel.ServingResult s = ServingModel.solve(workload, hardware, seqLen, batch, precision, efficiency);
    double perReplicaQps = cb.tokenThroughput() / outputTokens;
    double base = s.ttft() + s.itl() * outputTokens;
    if (base > targetP99) {
      return new ServingCapacityResult(0, batch, perReplicaQps, base, base, BASE, false);
    }
    double service = 1 / perReplicaQps;
    boolean anyStable = false;
    double lastP99 = Double.POSITIVE_INFINITY;
    for (int c = 1; c <= maxReplicas; c++) {
      TailLatencyModel.TailLatencyResult q = TailLatencyModel.solve(qps, service, c, serviceCv);
      if (!q.queueStable()) {
        continue;
      }
      anyStable = true;
      lastP99 = base + q.p99Wait();
      if (lastP99 <= targetP99) {
        return new ServingCapacityResult(c, batch, perReplicaQps, base, lastP99, FEASIBLE, true);
      }
    }
    return new ServingCapacityResult(maxReplicas, batch, perReplicaQps, base, lastP99, anyStable ? TAIL : CAPACITY,
        false);
  }
}
