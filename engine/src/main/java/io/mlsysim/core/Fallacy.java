package io.mlsysim.core;

import java.util.Objects;

/**
 * A teaching pair a resolver may carry: a common misconception and what the model shows
 * instead. Kept in the schema so the CLI and notebooks can surface it next to results.
 */
public record Fallacy(String misconception, String reality) {
  public Fallacy {
    Objects.requireNonNull(misconception, "misconception");
    Objects.requireNonNull(reality, "reality");
  }
}
