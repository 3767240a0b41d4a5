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
  // What the loop needs of each term, read once: on the hot path each term costs one call.
  private static final boolean[] PER_MICROBATCH = new boolean[ALL.length];
  private static final StepTerm.Kind[] KINDS = new StepTerm.Kind[ALL.length];
  @SuppressWarnings("unchecked")
  private static final Port<Double>[] PORTS = new Port[ALL.length];
  /** Positions of the terms of each kind, by kind ordinal, so a kind's sum touches only its terms. */
  private static final int[][] OF_KIND = new int[StepTerm.Kind.values().length][];

  static {
    for (int i = 0; i < ALL.length; i++) {
      PER_MICROBATCH[i] = ALL[i].perMicrobatch();
      KINDS[i] = ALL[i].kind();
      PORTS[i] = ALL[i].port();
    }
    for (StepTerm.Kind k : StepTerm.Kind.values()) {
      OF_KIND[k.ordinal()] = java.util.stream.IntStream.range(0, ALL.length).filter(i -> KINDS[i] == k).toArray();
    }
  }

  public static List<StepTerm> all() {
    return LIST;
  }

  public static int count() {
    return ALL.length;
  }

  public static Port<?>[] ports() {
    return PORTS.clone();
  }

  /** The result column of term {@code i}. */
  public static Port<Double> port(int i) {
    return PORTS[i];
  }

  /** Seconds of every term into {@code out}; returns the step time, their sum. */
  public static double evaluate(StepContext c, double[] out) {
    double pipeline = 0;
    double step = 0;
    for (int i = 0; i < ALL.length; i++) {
      double s = ALL[i].seconds(c, pipeline, step);
      out[i] = s;
      step += s;
      if (PER_MICROBATCH[i]) {
        pipeline += s;
      }
    }
    return step;
  }

  /** The seconds of the terms of one kind in {@code times} (as {@link #evaluate} filled it). */
  public static double sum(double[] times, StepTerm.Kind kind) {
    double total = 0;
    for (int i : OF_KIND[kind.ordinal()]) {
      total += times[i];
    }
    return total;
  }

  /** Position of a term's column in the arrays of {@link #evaluate}, or -1. */
  public static int indexOf(Port<?> port) {
    for (int i = 0; i < ALL.length; i++) {
      if (PORTS[i] == port) {
        return i;
      }
    }
    return -1;
  }
}
