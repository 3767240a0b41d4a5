package io.mlsysim.charts;

/** A column a study optimises, and which way. */
public record Objective(String column, boolean maximize) {
  public static Objective minimize(String column) {
    return new Objective(column, false);
  }

  public static Objective maximize(String column) {
    return new Objective(column, true);
  }

  /** True when a is at least as good as b on this objective. */
  boolean atLeastAsGood(double a, double b) {
    return maximize ? a >= b : a <= b;
  }
}
