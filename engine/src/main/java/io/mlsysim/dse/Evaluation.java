package io.mlsysim.dse;

/**
 * What an evaluator writes for one candidate; one instance is reused for a whole partition.
 */
public final class Evaluation {
  /** Result values in the order of the evaluator's {@link ResultField}s (NaN = not computed). */
  public final double[] values;
  /** False when the configuration cannot run (e.g. it does not fit in memory). */
  public boolean feasible;
  /** Why it is infeasible, violated or failed; null when it is fine. */
  public String reason;
  /** The row's status after constraints. */
  public Status status;

  public Evaluation(int results) {
    values = new double[results];
  }

  /** Clears the previous candidate's outcome. */
  public void reset() {
    java.util.Arrays.fill(values, Double.NaN);
    feasible = true;
    reason = null;
    status = Status.OK;
  }

  /** The outcome of one candidate. */
  public enum Status {
    OK, INFEASIBLE, CONSTRAINT_VIOLATED, ERROR;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
