package io.mlsysim.core.pipeline;

import io.mlsysim.core.Result;
import java.util.Map;

/**
 * Middleware around {@link Pipeline#run}: logging, metrics, tracing. Every method has an empty
 * default so a callback overrides only the events it cares about. A callback that throws is
 * recorded in {@link PipelineResults#callbackFailures()} under its {@link #name()} and the run
 * carries on unchanged: observers must not be able to change what a pipeline computes.
 *
 * <p>Callbacks fire on {@code run}, not on the batch path {@link CompiledPipeline#evaluate}.
 */
public interface PipelineCallback {

  /** How failures of this callback are reported; the class name by default. */
  default String name() {
    return getClass().getName();
  }

  default void onPipelineStart(Pipeline pipeline, Map<String, Object> inputs) {}

  default void onStageStart(String stage) {}

  default void onStageEnd(String stage, Result result) {}

  default void onStageError(String stage, RuntimeException error) {}

  default void onPipelineEnd(PipelineResults results) {}
}
