package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.StorageSpec;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.physics.Reliability;
import io.mlsysim.physics.Roofline;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * Wall 19 (Checkpoint): how big a training checkpoint is, how long it takes to write, and what
 * share of training time the writes cost. The write rate is the device's storage bandwidth times
 * the number of writers, capped by what the parallel filesystem absorbs.
 */
public final class CheckpointModel extends Model<CheckpointModel.CheckpointResult> {

  public static final Port<OptimizerKind> OPTIMIZER = Port.object("optimizer", OptimizerKind.class)
      .withDefault(OptimizerKind.ADAM).describedAs("training optimizer: adam, adamw, sgd, none");
  public static final Port<Integer> WRITERS = Port.count("checkpoint_writers").withDefault(1).positive()
      .describedAs("devices writing their share of the checkpoint in parallel");
  public static final Port<Double> INTERVAL = Port.quantity("checkpoint_interval", QuantityKind.TIME, "h")
      .withDefault(Calibration.CHECKPOINT_INTERVAL).positive().describedAs("time between checkpoints");

  public static final Port<Double> CHECKPOINT_SIZE = Port.quantity("checkpoint_size", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> STORAGE_BANDWIDTH =
      Port.quantity("storage_bandwidth", QuantityKind.DATA_RATE, "GB/s");
  public static final Port<Double> CHECKPOINT_BANDWIDTH =
      Port.quantity("checkpoint_bandwidth", QuantityKind.DATA_RATE, "GB/s");
  /** Same name as ReliabilityModel's input δ, so a pipeline feeds the real write time to it. */
  public static final Port<Double> CHECKPOINT_TIME = Port.quantity("checkpoint_time", QuantityKind.TIME);
  public static final Port<Double> CHECKPOINT_OVERHEAD = Port.number("checkpoint_overhead");
  public static final Port<Boolean> STORAGE_BOTTLENECK = Port.flag("storage_bottleneck");

  /**
   * @param checkpointSize bytes written per checkpoint (weights plus optimizer state)
   * @param storageBandwidth write rate of one writer, B/s (the device's, or the fallback)
   * @param checkpointBandwidth aggregate write rate after the filesystem cap, B/s
   * @param checkpointTime time to write one checkpoint, s
   * @param checkpointOverhead share of training time spent writing (the MFU penalty)
   * @param storageBottleneck true when one write takes longer than a minute
   */
  public record CheckpointResult(double checkpointSize, double storageBandwidth, double checkpointBandwidth,
      double checkpointTime, double checkpointOverhead, boolean storageBottleneck) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(CHECKPOINT_SIZE, checkpointSize);
      out.putDouble(STORAGE_BANDWIDTH, storageBandwidth);
      out.putDouble(CHECKPOINT_BANDWIDTH, checkpointBandwidth);
      out.putDouble(CHECKPOINT_TIME, checkpointTime);
      out.putDouble(CHECKPOINT_OVERHEAD, checkpointOverhead);
      out.putFlag(STORAGE_BOTTLENECK, storageBottleneck);
    }

    @Override
    public List<String> trace() {
      String capped = checkpointBandwidth == Calibration.FILESYSTEM_WRITE_LIMIT ? " (filesystem limit)" : "";
      String fallback = storageBandwidth == Calibration.FALLBACK_STORAGE_BANDWIDTH
          ? " per writer (fallback: the device gives no storage bandwidth)" : " per writer";
      return List.of(
          Display.format(checkpointSize, QuantityKind.DATA_SIZE) + " per checkpoint at "
              + Display.format(checkpointBandwidth, QuantityKind.DATA_RATE) + capped + ", from "
              + Display.format(storageBandwidth, QuantityKind.DATA_RATE) + fallback,
          "Checkpoint Wall: " + (storageBottleneck ? "FAILED" : "Passed") + " (write takes "
              + Display.format(checkpointTime, QuantityKind.TIME) + ", limit "
              + Display.format(Calibration.STORAGE_BOTTLENECK_WRITE_TIME, QuantityKind.TIME) + "; "
              + Display.number(100 * checkpointOverhead) + " % of training time)");
    }
  }

  public CheckpointModel() {
    super(Schema.model("CheckpointModel")
        .describedAs("Checkpoint size, write time and the share of training it costs")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, OPTIMIZER, WRITERS, INTERVAL)
        .produces(CHECKPOINT_SIZE, STORAGE_BANDWIDTH, CHECKPOINT_BANDWIDTH, CHECKPOINT_TIME,
            CHECKPOINT_OVERHEAD, STORAGE_BOTTLENECK)
        .walls(19)
        .fallacy("A checkpoint is the size of the model's weights",
            "With Adam a checkpoint also holds fp32 master weights and two moments: about 14 bytes "
                + "per parameter, seven times the fp16 weights")
        .build());
  }

  @Override
  public CheckpointResult evaluate(Inputs in) {
    Workload w = in.get(CommonPorts.WORKLOAD);
    if (!w.hasParameters()) {
      throw new InvalidInputException(CommonPorts.WORKLOAD.name(), "input 'workload' (" + w.name()
          + ") has no parameter count, which the checkpoint size needs");
    }
    return solve(w.parameters(), in.get(OPTIMIZER), in.get(CommonPorts.HARDWARE), in.getInt(WRITERS),
        in.getDouble(INTERVAL));
  }

  /** Direct call: parameters, optimizer, device (for its storage), writers, interval in s. */
  public static CheckpointResult solve(double parameters, OptimizerKind optimizer, HardwareNode hardware,
      int writers, double interval) {
    double bytesPerParam = optimizer.adaptive()
        ? Calibration.CHECKPOINT_BYTES_PER_PARAM_ADAM : Calibration.CHECKPOINT_BYTES_PER_PARAM_SGD;
    StorageSpec storage = hardware.storage();
    double perWriter = storage != null && storage.bandwidth() > 0
        ? storage.bandwidth() : Calibration.FALLBACK_STORAGE_BANDWIDTH;
    double size = Reliability.checkpointBytes(parameters, bytesPerParam);
    double bw = Reliability.checkpointBandwidth(perWriter, writers, Calibration.FILESYSTEM_WRITE_LIMIT);
    double write = Roofline.memoryTime(size, bw); // bytes moved at a rate
    return new CheckpointResult(size, perWriter, bw, write, Reliability.checkpointOverhead(write, interval),
        write > Calibration.STORAGE_BOTTLENECK_WRITE_TIME);
  }
}
