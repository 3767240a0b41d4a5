package io.mlsysim.core;

/**
 * Anything a pipeline can run: a Model, Solver or Optimizer. A resolver is pure (no I/O,
 * clocks, randomness or shared mutable state), so the same inputs give bit-identical results on
 * any machine; the engine relies on that to run studies in any partitioning.
 *
 * <p>Extend {@link Model}, {@link Solver} or {@link Optimizer} rather than implementing this
 * directly: the base classes check that the schema's tier matches. Plugins are found by
 * {@code java.util.ServiceLoader} with this interface as the service type, so a plugin class
 * needs a public no-argument constructor.
 *
 * @param <R> the typed result
 */
public interface Resolver<R extends Result> {

  /** Name, tier, walls, ports and fallacies; constant for the life of the instance. */
  Schema schema();

  /** One deterministic evaluation. Reads only declared ports; refuses bad input clearly. */
  R evaluate(Inputs in);

  /** The schema's name, also the default stage name in a pipeline. */
  default String name() {
    return schema().name();
  }
}
