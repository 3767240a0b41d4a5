package io.mlsysim.training;

import io.mlsysim.core.Port;

/**
 * One effect that adds time to a training step. The model evaluates the registered terms in
 * order ({@link StepTerms}), passing each the sums so far: a term that stretches other terms
 * (the pipeline bubble, stragglers) reads them. Implementations are stateless singletons whose
 * Javadoc gives the formula and its source; their constants live in the calibration catalogue.
 */
public interface StepTerm {

  /** What the term's time is spent on, for the step's summary columns. */
  enum Kind {
    /** Arithmetic or memory traffic on the rank: counts toward rank_compute_latency. */
    COMPUTE,
    /** Time exposed on a link: counts toward comm_latency. */
    COMMUNICATION,
    /** Waiting: the pipeline bubble, the slowest rank. */
    IDLE
  }

  /** The result column, a time quantity. */
  Port<Double> port();

  Kind kind();

  /**
   * True when the effect is part of every micro-batch's pass through the pipeline, so the
   * pipeline bubble stretches it; false for once-per-step work.
   */
  boolean perMicrobatch();

  /**
   * Seconds this effect adds to one optimizer step on the busiest rank.
   *
   * @param pipelineSoFar the per-micro-batch terms before this one, summed over the step
   * @param stepSoFar every term before this one
   */
  double seconds(StepContext c, double pipelineSoFar, double stepSoFar);
}
