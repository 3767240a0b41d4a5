package io.mlsysim.dse;

/**
 * An input a study evaluator accepts: a decision variable when the spec's space varies it, a
 * fixed input otherwise.
 *
 * @param defaultValue used when the spec neither fixes nor varies the input; null = required
 */
public record InputDecl(String name, InputKind kind, Object defaultValue, String description, boolean flag) {

  /** An input that is not a flag. */
  public InputDecl(String name, InputKind kind, Object defaultValue, String description) {
    this(name, kind, defaultValue, description, false);
  }
}
