package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Queueing;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * Wall 16 (Multi-tenant): a shared cluster as an M/D/1 queue. Jobs arrive at random (Poisson)
 * and each holds the cluster for a fixed time. As utilization approaches 1 the wait grows without
 * bound; at or above 1 the queue is reported unstable (infinite wait), not refused.
 */
public final class OrchestrationModel extends Model<OrchestrationModel.OrchestrationResult> {

  public static final Port<Double> ARRIVAL_RATE = Port.quantity("arrival_rate", QuantityKind.RATE)
      .nonNegative().describedAs("jobs submitted per second (λ)");
  public static final Port<Double> JOB_DURATION = Port.quantity("job_duration", QuantityKind.TIME, "h")
      .positive().describedAs("time each job holds the cluster (deterministic service time 1/μ)");

  public static final Port<Double> CLUSTER_UTILIZATION = Port.number("cluster_utilization");
  public static final Port<Double> QUEUE_WAIT = Port.quantity("queue_wait", QuantityKind.TIME, "h");
  public static final Port<Double> QUEUE_LENGTH = Port.number("queue_length");
  public static final Port<Boolean> QUEUE_STABLE = Port.flag("queue_stable");

  /**
   * @param clusterUtilization ρ = λ·duration
   * @param queueWait mean wait before a job starts, s (infinite when unstable)
   * @param queueLength mean number of jobs waiting (infinite when unstable)
   * @param queueStable true when ρ &lt; 1
   */
  public record OrchestrationResult(double clusterUtilization, double queueWait, double queueLength,
      boolean queueStable) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(CLUSTER_UTILIZATION, clusterUtilization);
      out.putDouble(QUEUE_WAIT, queueWait);
      out.putDouble(QUEUE_LENGTH, queueLength);
      out.putFlag(QUEUE_STABLE, queueStable);
    }

    @Override
    public List<String> trace() {
      if (!queueStable) {
        return List.of("Multi-tenant Wall: FAILED (utilization " + Display.number(clusterUtilization)
            + " ≥ 1: jobs arrive faster than the cluster finishes them; the queue grows without bound)");
      }
      return List.of("Multi-tenant Wall: Passed (utilization " + Display.number(100 * clusterUtilization)
          + " %, mean wait " + Display.format(queueWait, QuantityKind.TIME) + ", "
          + Display.number(queueLength) + " jobs queued on average)");
    }
  }

  public OrchestrationModel() {
    super(Schema.model("OrchestrationModel")
        .describedAs("Queueing delay of a shared cluster (M/D/1)")
        .requires(ARRIVAL_RATE, JOB_DURATION)
        .produces(CLUSTER_UTILIZATION, QUEUE_WAIT, QUEUE_LENGTH, QUEUE_STABLE)
        .walls(16)
        .fallacy("A cluster at 90 % utilization has 10 % spare capacity",
            "Waits grow as ρ/(1−ρ): at 90 % a job waits 4.5 job-lengths on average, at 99 % almost 50")
        .build());
  }

  @Override
  public OrchestrationResult evaluate(Inputs in) {
    return solve(in.getDouble(ARRIVAL_RATE), in.getDouble(JOB_DURATION));
  }

  /** Direct call: λ in 1/s, job duration in s. */
  public static OrchestrationResult solve(double arrivalRate, double jobDuration) {
    double mu = 1 / jobDuration;
    double rho = Queueing.utilization(arrivalRate, mu, 1);
    return new OrchestrationResult(rho, Queueing.md1Wait(arrivalRate, mu), Queueing.md1QueueLength(rho),
        Queueing.stable(arrivalRate, mu, 1));
  }
}
