package io.mlsysim.physics;

/** Whether each token attends to all tokens or only to earlier ones; sets the S² prefill term. */
public enum AttentionMask {
  /** Decoder: each token sees its predecessors, coefficient 2. */
  CAUSAL(2),
  /** Encoder: every token sees every token, coefficient 4. */
  BIDIRECTIONAL(4);

  private final double coefficient;

  AttentionMask(double coefficient) {
    this.coefficient = coefficient;
  }

  /** c in {@code c·L·h·S²}. */
  public double coefficient() {
    return coefficient;
  }
}
