package io.mlsysim.core;

/**
 * The kind of mathematics a resolver does. The tier is part of the contract because it tells a
 * reader (and the pipeline's explain output) whether a stage predicts, inverts or searches.
 */
public enum Tier {
  /** Y = f(X): one deterministic evaluation of a fixed configuration. */
  MODEL("model", "evaluates one configuration: Y = f(X)"),
  /** X = f⁻¹(Y) or ∇f: solves for the input that meets a target. */
  SOLVER("solver", "inverts a model: X = f⁻¹(Y)"),
  /** max f(x) s.t. g(x) ≤ c: a constrained search whose candidates are scored by models. */
  OPTIMIZER("optimizer", "searches a design space under constraints");

  private final String id;
  private final String meaning;

  Tier(String id, String meaning) {
    this.id = id;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  public String meaning() {
    return meaning;
  }
}
