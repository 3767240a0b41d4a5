package io.mlsysim.cli;

import java.util.List;

/**
 * Commands contributed by another module, found with {@link java.util.ServiceLoader}. The
 * Spark module adds {@code study} and {@code query} this way, so the engine itself never needs
 * Spark on its classpath.
 */
public interface CliExtension {
  /** picocli-annotated command objects to add under {@code mlsysim}. */
  List<Object> commands();
}
