package io.mlsysim.plans;

/** A plan that cannot be evaluated; the message starts with "file:line:" and names the field and the fix. */
public class PlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }
}
