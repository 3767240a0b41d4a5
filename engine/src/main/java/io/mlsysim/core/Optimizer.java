package io.mlsysim.core;

/**
 * Base of the third tier: a constrained search that scores candidates with models and returns
 * an {@link OptimizerResult} (objective value, winning configuration, size of the search).
 *
 * @param <R> the typed result
 */
public abstract class Optimizer<R extends OptimizerResult> implements Resolver<R> {
  private final Schema schema;

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.optimizer(...)} */
  protected Optimizer(Schema schema) {
    if (schema.tier() != Tier.OPTIMIZER) {
      throw new IllegalArgumentException(schema.name() + " extends Optimizer but its schema says "
          + schema.tier().id() + "; build it with Schema.optimizer(\"" + schema.name() + "\")");
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
