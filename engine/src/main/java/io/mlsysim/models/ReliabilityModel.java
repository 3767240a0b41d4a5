package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Operations;
import io.mlsysim.physics.Reliability;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall 15 (Fragility): how often a fleet fails, how often it should checkpoint, and what share of
 * its time is left for useful work. Components fail independently, so a node's failure rate is
 * the sum of its parts' rates and a fleet of N nodes fails N times as often as one node.
 */
public final class ReliabilityModel extends Model<ReliabilityModel.ReliabilityResult> {

  public static final Port<Double> GPU_MTTF = Port.quantity("gpu_mttf", QuantityKind.TIME, "h")
      .withDefault(Calibration.GPU_MTTF).positive().describedAs("mean time to failure of one accelerator");
  public static final Port<Double> NIC_MTTF = Port.quantity("nic_mttf", QuantityKind.TIME, "h")
      .withDefault(Calibration.NIC_MTTF).positive().describedAs("mean time to failure of one NIC");
  public static final Port<Double> PSU_MTTF = Port.quantity("psu_mttf", QuantityKind.TIME, "h")
      .withDefault(Calibration.PSU_MTTF).positive().describedAs("mean time to failure of one power supply");
  public static final Port<Integer> NICS_PER_NODE = Port.count("nics_per_node")
      .withDefault(Calibration.NICS_PER_NODE).nonNegative().describedAs("NICs counted per node");
  public static final Port<Integer> PSUS_PER_NODE = Port.count("psus_per_node")
      .withDefault(Calibration.PSUS_PER_NODE).nonNegative().describedAs("power supplies counted per node");
  public static final Port<Double> CORRELATION = Port.number("failure_correlation")
      .withDefault(Calibration.FAILURE_CORRELATION).positive()
      .describedAs("factor on fleet MTBF for correlated failures (1 = independent)");
  public static final Port<Double> CHECKPOINT_TIME = Port.quantity("checkpoint_time", QuantityKind.TIME)
      .withDefault(Calibration.CHECKPOINT_WRITE_TIME).positive()
      .describedAs("time δ to write one checkpoint (CheckpointModel produces it)");
  public static final Port<Double> RECOVERY_TIME = Port.quantity("recovery_time", QuantityKind.TIME)
      .withDefault(Calibration.RECOVERY_TIME).positive().describedAs("time R to restart after a failure");
  public static final Port<Double> AVAILABILITY = Port.number("availability").withDefault(Double.NaN)
      .describedAs("availability A of one replica in [0, 1]; NaN (default) uses the fleet's own "
          + "MTBF/(MTBF + R)");
  public static final Port<Integer> REPLICAS = Port.count("replicas").withDefault(1).positive()
      .describedAs("independent replicas k, any one of which suffices");

  public static final Port<Double> NODE_MTBF = Port.quantity("node_mtbf", QuantityKind.TIME, "h");
  public static final Port<Double> FLEET_MTBF = Port.quantity("fleet_mtbf", QuantityKind.TIME, "h");
  public static final Port<Double> FAILURE_PROBABILITY = Port.number("failure_probability");
  public static final Port<Double> EXPECTED_FAILURES = Port.number("expected_failures");
  public static final Port<Double> YOUNG_DALY_INTERVAL =
      Port.quantity("young_daly_interval", QuantityKind.TIME, "min");
  public static final Port<Double> GOODPUT = Port.number("goodput");
  public static final Port<Double> FLEET_AVAILABILITY = Port.number("fleet_availability");
  public static final Port<Double> REPLICATED_AVAILABILITY = Port.number("replicated_availability");

  /**
   * The outcome for one fleet and job.
   *
   * @param nodeMtbf mean time between failures of one node, s
   * @param fleetMtbf mean time between failures anywhere in the fleet, s
   * @param failureProbability probability of at least one failure during the job
   * @param expectedFailures mean number of failures during the job
   * @param youngDalyInterval first-order optimal time between checkpoints, s
   * @param goodput share of wall-clock time doing useful work, in [0, 1]
   * @param fleetAvailability long-run share of time the fleet is up, MTBF/(MTBF + R)
   * @param replicatedAvailability availability of k replicas, 1 − (1 − A)^k
   */
  public record ReliabilityResult(double nodeMtbf, double fleetMtbf, double failureProbability,
      double expectedFailures, double youngDalyInterval, double goodput, double fleetAvailability,
      double replicatedAvailability) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(NODE_MTBF, nodeMtbf);
      out.putDouble(FLEET_MTBF, fleetMtbf);
      out.putDouble(FAILURE_PROBABILITY, failureProbability);
      out.putDouble(EXPECTED_FAILURES, expectedFailures);
      out.putDouble(YOUNG_DALY_INTERVAL, youngDalyInterval);
      out.putDouble(GOODPUT, goodput);
      out.putDouble(FLEET_AVAILABILITY, fleetAvailability);
      out.putDouble(REPLICATED_AVAILABILITY, replicatedAvailability);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      t.add("node MTBF " + Display.format(nodeMtbf, QuantityKind.TIME) + "; fleet MTBF "
          + Display.format(fleetMtbf, QuantityKind.TIME) + " (node MTBF ÷ "
          + Display.number(nodeMtbf / fleetMtbf) + ": nodes ÷ correlation)");
      t.add("expected failures during the job: " + Display.number(expectedFailures)
          + "; P(at least one) = " + Display.number(100 * failureProbability) + " %");
      t.add("Young–Daly checkpoint interval: " + Display.format(youngDalyInterval, QuantityKind.TIME));
      t.add("Fragility Wall: " + (goodput > 0.9 ? "Passed" : goodput > 0 ? "WARNING" : "FAILED")
          + " (goodput " + Display.number(100 * goodput) + " %)");
      t.add("availability: fleet " + Display.number(fleetAvailability) + ", replicated "
          + Display.number(replicatedAvailability));
      return t;
    }
  }

  public ReliabilityModel() {
    super(Schema.model("ReliabilityModel")
        .describedAs("Fleet MTBF, failure odds, Young–Daly checkpoint interval and goodput")
        .requires(CommonPorts.FLEET, CommonPorts.DURATION, GPU_MTTF, NIC_MTTF, PSU_MTTF, NICS_PER_NODE,
            PSUS_PER_NODE, CORRELATION, CHECKPOINT_TIME, RECOVERY_TIME, AVAILABILITY, REPLICAS)
        .produces(NODE_MTBF, FLEET_MTBF, FAILURE_PROBABILITY, EXPECTED_FAILURES, YOUNG_DALY_INTERVAL,
            GOODPUT, FLEET_AVAILABILITY, REPLICATED_AVAILABILITY)
        .walls(15)
        .fallacy("Failures are rare events a training job can ignore",
            "A fleet of N nodes fails N times as often as one node; at ten thousand GPUs a failure "
                + "every few hours is normal, and checkpointing sets the goodput")
        .build());
  }

  @Override
  public ReliabilityResult evaluate(Inputs in) {
    Fleet fleet = in.get(CommonPorts.FLEET);
    double availability = in.getDouble(AVAILABILITY);
    if (availability < 0 || availability > 1) { // NaN passes: the fleet's own availability is used
      throw new InvalidInputException(AVAILABILITY.name(), "input 'availability' must be in [0, 1], got "
          + availability);
    }
    return solve(fleet.acceleratorsPerNode(), fleet.nodeCount(), in.getDouble(CommonPorts.DURATION),
        in.getDouble(GPU_MTTF), in.getInt(NICS_PER_NODE), in.getDouble(NIC_MTTF), in.getInt(PSUS_PER_NODE),
        in.getDouble(PSU_MTTF), in.getDouble(CORRELATION), in.getDouble(CHECKPOINT_TIME),
        in.getDouble(RECOVERY_TIME), availability, in.getInt(REPLICAS));
  }

  /** Direct call in canonical SI; {@code availability} NaN means "the fleet's own". */
  public static ReliabilityResult solve(int gpusPerNode, int nodes, double duration, double gpuMttf, int nics,
      double nicMttf, int psus, double psuMttf, double correlation, double checkpointTime,
      double recoveryTime, double availability, int replicas) {
    double node = Reliability.nodeMtbf(gpusPerNode, gpuMttf, nics, nicMttf, psus, psuMttf);
    double fleet = Reliability.fleetMtbf(node, nodes, correlation);
    double tau = Reliability.youngDalyInterval(checkpointTime, fleet);
    double fleetAvailability = Operations.steadyStateAvailability(fleet, recoveryTime);
    double a = Double.isNaN(availability) ? fleetAvailability : availability;
    return new ReliabilityResult(node, fleet, Reliability.failureProbability(duration, fleet),
        Reliability.expectedFailures(duration, fleet), tau,
        Reliability.goodput(checkpointTime, tau, recoveryTime, fleet), fleetAvailability,
        Reliability.replicatedAvailability(a, replicas));
  }
}
