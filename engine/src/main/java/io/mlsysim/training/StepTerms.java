package io.mlsysim.training;

import io.mlsysim.core.Port;
import io.mlsysim.training.terms.DataParallelComm;
import io.mlsysim.training.terms.ElementwiseCompute;
import io.mlsysim.training.terms.ExpertComm;
import io.mlsysim.training.terms.LayerCompute;
import io.mlsysim.training.terms.OptimizerStep;
import io.mlsysim.training.terms.OutputLayerCompute;
import io.mlsysim.training.terms.PipelineBubble;
import io.mlsysim.training.terms.PipelineComm;
import io.mlsysim.training.terms.Recompute;
import io.mlsysim.training.terms.Straggler;
import io.mlsysim.training.terms.TensorParallelComm;
import java.util.List;

/**
 * The time terms of a training step, in evaluation order: the work every micro-batch repeats
 * first, then the pipeline bubble (which stretches it), then once-per-step work, then
 * stragglers (which stretch everything). A new effect is one more entry here.
 */
public final class StepTerms {
  private StepTerms() {}

  private static final StepTerm[] ALL = {new LayerCompute(), new Recompute(), new OutputLayerCompute(),
      new ElementwiseCompute(), new TensorParallelComm(), new ExpertComm(), new PipelineComm(), new PipelineBubble(),
      new DataParallelComm(), new OptimizerStep(), new Straggler()};

  private static final List<StepTerm> LIST = List.of(ALL);

  public static List<StepTerm> all() {
    return LIST;
  }

  public static int count() {
    return ALL.length;
  }

  public static Port<?>[] ports() {
    Port<?>[] p = new Port<?>[ALL.length];
    for (int i = 0; i < ALL.length; i++) {
      p[i] = ALL[i].port();
    }
    return p;
  }

  /** The step's sums, filled by {@link #evaluate}. */
  public static final class Sums {
    public double step;
    public double compute;
    public double communication;
  }

  /** Seconds of every term into {@code out}; the totals into {@code sums}. */
  public static void evaluate(StepContext c, double[] out, Sums sums) {
    double pipeline = 0;
    double step = 0;
    double compute = 0;
    double comm = 0;
    for (int i = 0; i < ALL.length; i++) {
      StepTerm t = ALL[i];
      double s = t.seconds(c, pipeline, step);
      out[i] = s;
      step += s;
      if (t.perMicrobatch()) {
        pipeline += s;
      }
      switch (t.kind()) {
        case COMPUTE -> compute += s;
        case COMMUNICATION -> comm += s;
        case IDLE -> { }
      }
    }
    sums.step = step;
    sums.compute = compute;
    sums.communication = comm;
  }

  /** Position of a term's column in the arrays of {@link #evaluate}, or -1. */
  public static int indexOf(Port<?> port) {
    for (int i = 0; i < ALL.length; i++) {
      if (ALL[i].port() == port) {
        return i;
      }
    }
    return -1;
  }
}
