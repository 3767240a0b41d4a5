package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Queueing;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * The tail-latency wall (7): an M/M/c queue of requests in front of c identical servers. Erlang C
 * gives the chance of waiting; the waiting time is exponential beyond that, so its quantiles have
 * a closed form. Service-time variability other than exponential scales waits by Kingman's factor.
 */
public final class TailLatencyModel extends Model<TailLatencyModel.TailLatencyResult> {

  public static final Port<Double> ARRIVAL_RATE = Port.quantity("arrival_rate", QuantityKind.RATE).nonNegative()
      .describedAs("requests per second arriving (λ)");
  public static final Port<Double> SERVICE_TIME = Port.quantity("service_time", QuantityKind.TIME, "ms").positive()
      .describedAs("mean time one server spends on one request");
  public static final Port<Integer> SERVERS = Port.count("servers").withDefault(1).positive()
      .describedAs("identical servers (replicas) draining one queue");
  public static final Port<Double> SERVICE_CV = Port.number("service_cv").withDefault(1.0).nonNegative()
      .describedAs("coefficient of variation of the service time (1 = exponential)");

  public static final Port<Double> QUEUE_UTILIZATION = Port.number("queue_utilization");
  public static final Port<Double> WAIT_PROBABILITY = Port.number("wait_probability");
  public static final Port<Double> MEAN_WAIT = Port.quantity("mean_wait", QuantityKind.TIME, "ms");
  public static final Port<Double> P50_WAIT = Port.quantity("p50_wait", QuantityKind.TIME, "ms");
  public static final Port<Double> P99_WAIT = Port.quantity("p99_wait", QuantityKind.TIME, "ms");
  public static final Port<Double> P50_LATENCY = Port.quantity("p50_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> P99_LATENCY = Port.quantity("p99_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> SLO_HEADROOM_RATIO = Port.number("slo_headroom_ratio");
  public static final Port<Boolean> QUEUE_STABLE = Port.flag("queue_stable");

  public record TailLatencyResult(double queueUtilization, double waitProbability, double meanWait, double p50Wait,
      double p99Wait, double p50Latency, double p99Latency, double sloHeadroomRatio, boolean queueStable)
      implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(QUEUE_UTILIZATION, queueUtilization);
      out.putDouble(WAIT_PROBABILITY, waitProbability);
      out.putDouble(MEAN_WAIT, meanWait);
      out.putDouble(P50_WAIT, p50Wait);
      out.putDouble(P99_WAIT, p99Wait);
      out.putDouble(P50_LATENCY, p50Latency);
      out.putDouble(P99_LATENCY, p99Latency);
      out.putDouble(SLO_HEADROOM_RATIO, sloHeadroomRatio);
      out.putFlag(QUEUE_STABLE, queueStable);
    }

    @Override
    public List<String> trace() {
      if (!queueStable) {
        return List.of("Tail Latency Wall: FAILED (arrivals exceed service capacity; the queue grows without bound)");
      }
      return List.of("Tail Latency Wall: utilisation " + Display.number(queueUtilization * 100) + "%, "
          + Display.number(waitProbability * 100) + "% of requests wait; P99 "
          + Display.format(p99Latency, QuantityKind.TIME) + " (wait " + Display.format(p99Wait, QuantityKind.TIME) + ")");
    }
  }

  public TailLatencyModel() {
    super(Schema.model("TailLatencyModel")
        .describedAs("M/M/c queueing: P50/P99 latency of replicas under load (Erlang C, Kingman)")
        .requires(ARRIVAL_RATE, SERVICE_TIME, SERVERS, SERVICE_CV)
        .produces(QUEUE_UTILIZATION, WAIT_PROBABILITY, MEAN_WAIT, P50_WAIT, P99_WAIT, P50_LATENCY, P99_LATENCY,
            SLO_HEADROOM_RATIO, QUEUE_STABLE)
        .walls(7)
        .fallacy("At 80% utilisation there is 20% headroom",
            "Queueing delay grows as 1/(1−ρ): the tail explodes long before the servers are saturated")
        .build());
  }

  @Override
  public TailLatencyResult evaluate(Inputs in) {
    return solve(in.getDouble(ARRIVAL_RATE), in.getDouble(SERVICE_TIME), in.getInt(SERVERS), in.getDouble(SERVICE_CV));
  }

  /** λ in requests/s, service time in s, c servers, service-time coefficient of variation. */
  public static TailLatencyResult solve(double arrivalRate, double serviceTime, int servers, double serviceCv) {
    Checks.nonNegative("arrival_rate", arrivalRate);
    Checks.positive("service_time", serviceTime);
    Checks.positive("servers", servers);
    Checks.nonNegative("service_cv", serviceCv);
    double mu = 1 / serviceTime;
    if (!Queueing.stable(arrivalRate, mu, servers)) {
      double inf = Double.POSITIVE_INFINITY;
      return new TailLatencyResult(1, 1, inf, inf, inf, inf, inf, 1, false);
    }
    double rho = Queueing.utilization(arrivalRate, mu, servers);
    double pWait = Queueing.erlangC(arrivalRate, mu, servers);
    double k = Queueing.kingmanFactor(serviceCv);
    double mean = Queueing.meanWait(pWait, arrivalRate, mu, servers) * k;
    double p50 = Queueing.waitQuantile(pWait, Calibration.P50_TAIL, mu, servers, rho) * k;
    double p99 = Queueing.waitQuantile(pWait, Calibration.P99_TAIL, mu, servers, rho) * k;
    return new TailLatencyResult(rho, pWait, mean, p50, p99, p50 + serviceTime, p99 + serviceTime,
        p99 / (Calibration.SLO_HEADROOM_SERVICE_MULTIPLE * serviceTime), true);
  }
}
