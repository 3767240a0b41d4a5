package io.mlsysim.bench;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.workloads.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SingleNodeModel evaluations per second on one core, cycling through hardware × batch ×
 * precision × workload candidates (24 combinations, as in a sweep). Two paths: through a compiled
 * one-stage pipeline with a reused frame (how studies run), and the direct Java call.
 * Target: ≥ 5,000,000 evaluations/s/core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SingleNodeModelBenchmark {
  private final HardwareNode[] hardware = {Hardware.Cloud.H100, Hardware.Cloud.A100, Hardware.Cloud.B200};
  private final int[] batches = {1, 8, 32, 128};
  private final Precision[] precisions = {Precision.FP16, Precision.FP8};
  private final Workload[] workloads = {Workloads.Language.LLAMA3_8B, Workloads.Vision.RESNET50};

  private CompiledPipeline plan;
  private Frame frame;
  private int latencySlot;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    plan = Pipeline.of(new SingleNodeModel()).compiled();
    frame = plan.newFrame();
    latencySlot = plan.numericSlot("latency");
  }

  @Benchmark
  public double pipeline() {
    int k = i++;
    frame.set(CommonPorts.HARDWARE, hardware[k % 3]);
    frame.setInt(CommonPorts.BATCH, batches[(k >> 2) & 3]);
    frame.set(CommonPorts.PRECISION, precisions[(k >> 4) & 1]);
    frame.set(CommonPorts.WORKLOAD, workloads[(k >> 5) & 1]);
    plan.evaluate(frame);
    return frame.getDoubleAt(latencySlot);
  }

  @Benchmark
  public double direct() {
    int k = i++;
    return SingleNodeModel.solve(workloads[(k >> 5) & 1], hardware[k % 3], batches[(k >> 2) & 3],
        precisions[(k >> 4) & 1], 0.5).latency();
  }
}
