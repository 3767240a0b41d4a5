package io.mlsysim.core.plugin;

/** Where a resolver came from, which decides who wins a name clash. */
public enum Origin {
  /** Shipped in the engine (package io.mlsysim, engine class loader). */
  BUILT_IN,
  /** Another jar on the class path (or Spark's --jars), found by ServiceLoader. */
  CLASSPATH,
  /** A jar or directory passed explicitly, e.g. with --plugins. */
  PLUGIN
}
