package io.mlsysim.training;

import io.mlsysim.core.Port;

/**
 * One part of what a training rank holds in memory. {@link MemoryTerms} lists them; every model
 * that reports training memory sums the same terms, so the footprint has one composition.
 */
public interface MemoryTerm {

  /** The result column, a data-size quantity. */
  Port<Double> port();

  /** Bytes on the busiest rank. */
  double bytes(TrainingLayout layout);
}
