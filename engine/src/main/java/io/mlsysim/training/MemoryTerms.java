package io.mlsysim.training;

import io.mlsysim.core.Port;
import io.mlsysim.training.terms.ActivationMemory;
import io.mlsysim.training.terms.BufferMemory;
import io.mlsysim.training.terms.GradientsMemory;
import io.mlsysim.training.terms.OptimizerMemory;
import io.mlsysim.training.terms.WeightsMemory;
import java.util.List;

/** The memory terms of a training rank, in report order: the one composition of training memory. */
public final class MemoryTerms {
  private MemoryTerms() {}

  private static final MemoryTerm[] ALL = {new WeightsMemory(), new GradientsMemory(), new OptimizerMemory(),
      new ActivationMemory(), new BufferMemory()};

  private static final List<MemoryTerm> LIST = List.of(ALL);
  @SuppressWarnings("unchecked")
  private static final Port<Double>[] PORTS = new Port[ALL.length];

  static {
    for (int i = 0; i < ALL.length; i++) {
      PORTS[i] = ALL[i].port();
    }
  }

  /** The terms, in order. */
  public static List<MemoryTerm> all() {
    return LIST;
  }

  /** Their result columns, in order. */
  public static Port<?>[] ports() {
    return PORTS.clone();
  }

  /** The result column of term {@code i}. */
  public static Port<Double> port(int i) {
    return PORTS[i];
  }

  /** Bytes of every term into {@code out} (length {@link #count()}); returns their sum. */
  public static double evaluate(TrainingLayout layout, double[] out) {
    double total = 0;
    for (int i = 0; i < ALL.length; i++) {
      out[i] = ALL[i].bytes(layout);
      total += out[i];
    }
    return total;
  }

  public static int count() {
    return ALL.length;
  }

  /** The whole footprint of one rank, bytes. */
  public static double total(TrainingLayout layout) {
    return evaluate(layout, new double[ALL.length]);
  }
}
