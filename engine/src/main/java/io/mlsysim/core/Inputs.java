package io.mlsysim.core;

/**
 * What a resolver reads during one evaluation. Implementations resolve a port to an array slot
 * by its {@link Port#id()}, so reads cost an index, not a string lookup, and quantities come
 * back as unboxed canonical doubles.
 *
 * <p>Reading a port the resolver did not declare in its schema is an error: the pipeline wires
 * only what is declared, so an undeclared read would silently depend on list order.
 */
public interface Inputs {

  /** A quantity (canonical SI) or dimensionless number. */
  double getDouble(Port<Double> port);

  int getInt(Port<Integer> port);

  boolean getFlag(Port<Boolean> port);

  /** An object or text value; never null (a missing value is refused with the port's name). */
  <T> T get(Port<T> port);
}
