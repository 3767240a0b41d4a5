package io.mlsysim.core;

/**
 * Base of the first tier: evaluates one fixed configuration, Y = f(X). A model makes no
 * decisions and loops over no options; optimizers call models to score their candidates.
 *
 * @param <R> the typed result
 */
public abstract class Model<R extends Result> extends TieredResolver<R> {

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.model(...)} */
  protected Model(Schema schema) {
    super(schema, Tier.MODEL, "Model");
  }
}
