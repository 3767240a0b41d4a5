package io.mlsysim.core;

/**
 * Base of the first tier: evaluates one fixed configuration, Y = f(X). A model makes no
 * decisions and loops over no options; optimizers call models to score their candidates.
 *
 * @param <R> the typed result
 */
public abstract class Model<R extends Result> implements Resolver<R> {
  private final Schema schema;

  /** @throws IllegalArgumentException when the schema was not built with {@code Schema.model(...)} */
  protected Model(Schema schema) {
    if (schema.tier() != Tier.MODEL) {
      throw new IllegalArgumentException(schema.name() + " extends Model but its schema says "
          + schema.tier().id() + "; build it with Schema.model(\"" + schema.name() + "\")");
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
