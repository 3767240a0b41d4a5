package io.mlsysim.core;

/**
 * Base of the second tier: inverts a model's equations (or differentiates them) to find the
 * input that meets a target, e.g. the bandwidth that hits a latency SLA.
 *
 * @param <R> the typed result
 */
public abstract class Solver<R extends Result> extends TieredResolver<R> {

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.solver(...)} */
  protected Solver(Schema schema) {
    super(schema, Tier.SOLVER, "Solver");
  }
}
