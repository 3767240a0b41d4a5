package io.mlsysim.core.pipeline;

/**
 * A callback that threw: which one, on which event, during which stage (null for pipeline-level
 * events), and the exception.
 */
public record CallbackFailure(String callback, String event, String stage, RuntimeException error) {
  @Override
  public String toString() {
    return "callback " + callback + " failed in " + event + (stage == null ? "" : " of stage '" + stage + "'")
        + ": " + error;
  }
}
