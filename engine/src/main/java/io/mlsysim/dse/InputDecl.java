package io.mlsysim.dse;

/**
 * An input a study evaluator accepts: a decision variable when the spec's space varies it, a
 * fixed input otherwise.
 *
 * @param defaultValue used when the spec neither fixes nor varies the input; null = required
 *     unless {@code optional}
 * @param optional the input's default means "none" (no decode device, no draft model): when the
 *     spec neither fixes nor varies it, it stays unset and has no column
 */
public record InputDecl(String name, InputKind kind, Object defaultValue, String description, boolean flag,
    boolean optional) {

  /** A required or defaulted input. */
  public InputDecl(String name, InputKind kind, Object defaultValue, String description, boolean flag) {
    this(name, kind, defaultValue, description, flag, false);
  }

  /** An input that is not a flag. */
  public InputDecl(String name, InputKind kind, Object defaultValue, String description) {
    this(name, kind, defaultValue, description, false, false);
  }
}
