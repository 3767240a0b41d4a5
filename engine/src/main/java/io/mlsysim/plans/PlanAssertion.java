package io.mlsysim.plans;

/**
 * A bound on one metric of a plan's evaluation; a missing bound is NaN.
 *
 * @param line where the assertion stands in the plan, for messages
 */
public record PlanAssertion(String metric, double min, double max, int line) {

  /** True when {@code value} lies within the bounds. */
  public boolean holds(double value) {
    return !(value < min) && !(value > max) && !Double.isNaN(value);
  }

  /** "p_latency_ms <= 50", "0.4 <= mfu <= 0.6". */
  public String describe() {
    String lo = Double.isNaN(min) ? "" : io.mlsysim.units.Display.number(min) + " <= ";
    String hi = Double.isNaN(max) ? "" : " <= " + io.mlsysim.units.Display.number(max);
    return lo + metric + hi;
  }
}
