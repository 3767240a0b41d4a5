package io.mlsysim.dse;

/**
 * One point of a search space, reused from candidate to candidate: the ordinal of each
 * dimension's value and its numeric value (the integer, the real, or the ordinal again for a
 * categorical dimension). Filling it allocates nothing.
 */
public final class Candidate {
  /** Ordinal of each dimension's value (continuous dimensions: -1 unless on a grid point). */
  public final int[] ordinal;
  /** Numeric value of each dimension. */
  public final double[] value;
  /** Index of the candidate in its strategy's stream. */
  public long index;

  public Candidate(int dimensions) {
    ordinal = new int[dimensions];
    value = new double[dimensions];
  }
}
