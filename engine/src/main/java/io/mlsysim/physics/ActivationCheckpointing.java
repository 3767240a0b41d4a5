package io.mlsysim.physics;

import java.util.Locale;

/**
 * How much of the forward activations a training step keeps, after Korthikanti et al. (2022),
 * "Reducing Activation Recomputation in Large Transformer Models". Bytes per layer at 2-byte
 * precision, for sequence s, micro-batch mb, hidden h, heads a.
 */
public enum ActivationCheckpointing {
  /** Keep everything: {@code 34·s·mb·h + 5·a·s²·mb}. */
  NONE,
  /** Recompute the attention core only: {@code 34·s·mb·h}. */
  SELECTIVE,
  /** Keep only each layer's input: {@code 2·s·mb·h}. */
  FULL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; an unknown name is an error listing the allowed ones. */
  public static ActivationCheckpointing parse(String text) {
    if (text != null) {
      for (ActivationCheckpointing c : values()) {
        if (c.id().equalsIgnoreCase(text.trim())) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException("activation_checkpointing: unknown strategy '" + text
        + "'; use one of none, selective, full");
  }
}
