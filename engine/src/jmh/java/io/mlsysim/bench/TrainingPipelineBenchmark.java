package io.mlsysim.bench;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.dse.TrainingRunModel;
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
 * Candidates per second of the compiled 4-stage training pipeline of the studies
 * (DistributedModel → TrainingRunModel → SustainabilityModel → EconomicsModel) on one reused
 * frame: Llama3_70B on Training_512_H100, cycling tp ∈ {1,2,4,8}, pp ∈ {1,2,4,8}, micro-batch size
 * ∈ {1,2,4,8} and global batch ∈ {4096, 8192, 16384} — shapes that all divide, so every call is a
 * full evaluation (layout, placement, eleven time terms, five memory terms, energy, cost).
 * Target: ≥ 2,000,000 evaluations/s/core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrainingPipelineBenchmark {
  static final int[] DEGREES = {1, 2, 4, 8};
  static final int[] MICROBATCH_SIZES = {1, 2, 4, 8};
  static final int[] BATCHES = {4096, 8192, 16384};

  private CompiledPipeline plan;
  private Frame frame;
  private int tp;
  private int pp;
  private int mbs;
  private int batch;
  private int tco;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    plan = Pipeline.of(new EconomicsModel(), new SustainabilityModel(), new TrainingRunModel(),
        new DistributedModel()).compiled();
    frame = plan.newFrame();
    frame.set(CommonPorts.WORKLOAD, Workloads.Language.LLAMA3_70B);
    frame.set(CommonPorts.FLEET, Systems.Clusters.TRAINING_512_H100);
    tp = plan.numericSlot("tp");
    pp = plan.numericSlot("pp");
    mbs = plan.numericSlot("microbatch_size");
    batch = plan.numericSlot("batch");
    tco = plan.numericSlot("tco");
  }

  /** One candidate: set four knobs, evaluate the four stages, read the TCO. */
  @Benchmark
  public double candidate() {
    int k = i++;
    frame.setDoubleAt(tp, DEGREES[k & 3]);
    frame.setDoubleAt(pp, DEGREES[(k >>> 2) & 3]);
    frame.setDoubleAt(mbs, MICROBATCH_SIZES[(k >>> 4) & 3]);
    frame.setDoubleAt(batch, BATCHES[(k >>> 6) % BATCHES.length]);
    plan.evaluate(frame);
    return frame.getDoubleAt(tco);
  }
}
