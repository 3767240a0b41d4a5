package io.mlsysim.bench;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pipeline's own cost per stage: a chain of trivial stages (x_{i+1} = x_i + 1), evaluated on
 * a reused frame. Each op is one evaluation divided by the stage count, so the score reads
 * directly as nanoseconds per stage. Target: ≤ 100 ns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineOverheadBenchmark {
  static final int STAGES = 8;

  private CompiledPipeline plan;
  private Frame frame;
  private int in;
  private int out;
  private double x;

  /** out = in + 1: as little work as a stage can do, so only the pipeline's overhead remains. */
  static final class Inc extends Model<Inc.R> {
    final Port<Double> from;
    final Port<Double> to;

    record R(double v, Port<Double> to) implements Result {
      @Override
      public void export(Outputs o) {
        o.putDouble(to, v);
      }
    }

    Inc(int i) {
      this(Port.quantity("x" + i, QuantityKind.TIME), Port.quantity("x" + (i + 1), QuantityKind.TIME), i);
    }

    private Inc(Port<Double> from, Port<Double> to, int i) {
      super(Schema.model("Inc" + i).requires(from).produces(to).build());
      this.from = from;
      this.to = to;
    }

    @Override
    public R evaluate(Inputs inputs) {
      return new R(inputs.getDouble(from) + 1, to);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    List<Inc> chain = new ArrayList<>();
    for (int i = STAGES - 1; i >= 0; i--) { // listed backwards: the DAG decides the order
      chain.add(new Inc(i));
    }
    plan = Pipeline.of(chain).compiled();
    frame = plan.newFrame();
    in = plan.numericSlot("x0");
    out = plan.numericSlot("x" + STAGES);
  }

  @Benchmark
  @OperationsPerInvocation(STAGES)
  public double perStage() {
    frame.setDoubleAt(in, x);
    x += 1;
    plan.evaluate(frame);
    return frame.getDoubleAt(out);
  }
}
