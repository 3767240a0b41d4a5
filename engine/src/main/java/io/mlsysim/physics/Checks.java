package io.mlsysim.physics;

/**
 * Argument checks shared by the physics functions and the resolvers built on them. Each failure
 * is an {@link IllegalArgumentException} whose message names the input, the offending value and
 * what would be accepted, so that it can be shown to a user unchanged.
 */
public final class Checks {
  private Checks() {}

  /** Requires {@code value > 0} (and not NaN); returns it. */
  public static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
    return value;
  }

  /** Requires {@code value > 0}; returns it. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be a positive integer, got " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0} (and not NaN); returns it. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0}; returns it. */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  /** An efficiency (achieved fraction of a peak) must lie in (0, 1]. */
  public static double efficiency(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1] (a fraction of peak, e.g. 0.5), got " + value);
    }
    return value;
  }

  /** A fraction or probability must lie in [0, 1]. */
  public static double fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
    return value;
  }

  /** A probability that must lie strictly between 0 and 1. */
  public static double openUnit(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
    return value;
  }

  /** Requires {@code lo <= value <= hi}. */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + value);
    }
    return value;
  }

  /**
   * The parallel degrees must tile the accelerators exactly: {@code tp·pp·ep} divides
   * {@code accelerators}. Returns the data-parallel degree {@code accelerators / (tp·pp·ep)}.
   */
  public static int dataParallelDegree(int accelerators, int tp, int pp, int ep) {
    positive("accelerators", accelerators);
    positive("tp", tp);
    positive("pp", pp);
    positive("ep", ep);
    long model = (long) tp * pp * ep;
    if (model > accelerators || accelerators % model != 0) {
      throw new IllegalArgumentException("tp*pp*ep = " + tp + "*" + pp + "*" + ep + " = " + model
          + " must divide the accelerator count " + accelerators
          + " exactly; choose degrees whose product is a divisor of " + accelerators);
    }
    return (int) (accelerators / model);
  }
}
