package io.mlsysim.core;

/**
 * Base of the third tier: a constrained search that scores candidates with models and returns
 * an {@link OptimizerResult} (objective value, winning configuration, size of the search).
 *
 * @param <R> the typed result
 */
public abstract class Optimizer<R extends OptimizerResult> extends TieredResolver<R> {

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.optimizer(...)} */
  protected Optimizer(Schema schema) {
    super(schema, Tier.OPTIMIZER, "Optimizer");
  }
}
