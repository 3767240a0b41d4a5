package io.mlsysim.core;

/**
 * Valid inputs that describe a configuration which cannot run: a global batch that does not
 * split into whole micro-batches, an interleave that does not divide a stage's layers, fp8 on a
 * chip without fp8 units. A study records it as an infeasible row with this message as its
 * reason; the CLI reports it with the "infeasible" exit code. The message names the numbers.
 *
 * <p>Thrown on the study's hot path for every such candidate, so it records no stack trace:
 * the message is the whole diagnosis.
 */
public class InfeasibleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InfeasibleException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
