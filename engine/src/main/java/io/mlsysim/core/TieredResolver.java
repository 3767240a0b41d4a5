package io.mlsysim.core;

/**
 * What the three tier bases share: the schema, checked at construction to be of the tier the
 * class extends, so a Solver cannot quietly declare itself a Model.
 *
 * @param <R> the typed result
 */
abstract class TieredResolver<R extends Result> implements Resolver<R> {
  private final Schema schema;

  TieredResolver(Schema schema, Tier expected, String baseName) {
    if (schema.tier() != expected) {
      throw new IllegalArgumentException(schema.name() + " extends " + baseName + " but its schema says "
          + schema.tier().id() + "; build it with Schema." + expected.id() + "(\"" + schema.name() + "\")");
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
