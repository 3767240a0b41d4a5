package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.physics.Operations;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * Wall 9 (Transformation): host-side preprocessing (decode, augment, tokenize) overlapped with the
 * accelerator's step. Whichever of the two is slower sets the pace; when it is the CPU, the
 * accelerator idles for the difference.
 */
public final class TransformationModel extends Model<TransformationModel.TransformationResult> {

  public static final Port<Double> SAMPLE_BYTES = Port.quantity("sample_bytes", QuantityKind.DATA_SIZE)
      .positive().describedAs("bytes the host transforms per sample");
  public static final Port<Double> CPU_THROUGHPUT = Port.quantity("cpu_throughput", QuantityKind.DATA_RATE, "GB/s")
      .positive().describedAs("bytes per second the host's preprocessing pipeline transforms");
  public static final Port<Double> STEP_TIME = Port.quantity("step_time", QuantityKind.TIME, "ms")
      .positive().describedAs("accelerator time for one step (one batch)");

  public static final Port<Double> TRANSFORM_TIME = Port.quantity("transform_time", QuantityKind.TIME, "ms");
  public static final Port<Boolean> TRANSFORM_BOTTLENECK = Port.flag("transform_bottleneck");
  public static final Port<Double> ACCELERATOR_UTILIZATION = Port.number("accelerator_utilization");
  public static final Port<Double> TRANSFORM_SLOWDOWN = Port.number("transform_slowdown");

  /**
   * @param transformTime host time to transform one batch, s
   * @param transformBottleneck true when the host is slower than the accelerator
   * @param acceleratorUtilization busy share of the accelerator, in (0, 1]
   * @param transformSlowdown effective step time over the accelerator's, ≥ 1
   */
  public record TransformationResult(double transformTime, boolean transformBottleneck,
      double acceleratorUtilization, double transformSlowdown) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(TRANSFORM_TIME, transformTime);
      out.putFlag(TRANSFORM_BOTTLENECK, transformBottleneck);
      out.putDouble(ACCELERATOR_UTILIZATION, acceleratorUtilization);
      out.putDouble(TRANSFORM_SLOWDOWN, transformSlowdown);
    }

    @Override
    public List<String> trace() {
      return List.of("Transformation Wall: " + (transformBottleneck ? "FAILED" : "Passed") + " (host "
          + Display.format(transformTime, QuantityKind.TIME) + " per batch; accelerator busy "
          + Display.number(100 * acceleratorUtilization) + " %, step stretched ×"
          + Display.number(transformSlowdown) + ")");
    }
  }

  public TransformationModel() {
    super(Schema.model("TransformationModel")
        .describedAs("Host preprocessing time per batch against the accelerator step")
        .requires(CommonPorts.BATCH, SAMPLE_BYTES, CPU_THROUGHPUT, STEP_TIME)
        .produces(TRANSFORM_TIME, TRANSFORM_BOTTLENECK, ACCELERATOR_UTILIZATION, TRANSFORM_SLOWDOWN)
        .walls(9)
        .fallacy("Preprocessing is free because it runs on the CPU",
            "It overlaps with compute only while it is faster; beyond that the accelerator idles")
        .build());
  }

  @Override
  public TransformationResult evaluate(Inputs in) {
    return solve(in.getInt(CommonPorts.BATCH), in.getDouble(SAMPLE_BYTES), in.getDouble(CPU_THROUGHPUT),
        in.getDouble(STEP_TIME));
  }

  /** Direct call in canonical SI. */
  public static TransformationResult solve(int batch, double sampleBytes, double cpuThroughput, double stepTime) {
    double t = Operations.transformTime(batch, sampleBytes, cpuThroughput);
    return new TransformationResult(t, t > stepTime, Operations.overlapUtilization(stepTime, t),
        Operations.overlapSlowdown(stepTime, t));
  }
}
