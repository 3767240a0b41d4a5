package io.mlsysim.core.pipeline;

/**
 * A pipeline that cannot be built or run as asked: mis-wired ports, a cycle, an unknown or
 * missing input. The message names the stage(s), the port, what was expected and what was
 * found, and how to fix it. Thrown at construction for wiring problems, never mid-run.
 */
public class PipelineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PipelineException(String message) {
    super(message);
  }
}
