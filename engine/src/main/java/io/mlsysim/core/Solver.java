package io.mlsysim.core;

/**
 * Base of the second tier: inverts a model's equations (or differentiates them) to find the
 * input that meets a target, e.g. the bandwidth that hits a latency SLA.
 *
 * @param <R> the typed result
 */
public abstract class Solver<R extends Result> implements Resolver<R> {
  private final Schema schema;

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.solver(...)} */
  protected Solver(Schema schema) {
    if (schema.tier() != Tier.SOLVER) {
      throw new IllegalArgumentException(schema.name() + " extends Solver but its schema says "
          + schema.tier().id() + "; build it with Schema.solver(\"" + schema.name() + "\")");
    }
    this.schema = schema;
  }

  @Override
  public final Schema schema() {
    return schema;
  }

  @Override
  public String toString() {
    return schema.name() + " (" + schema.tier().id() + ")";
  }
}
