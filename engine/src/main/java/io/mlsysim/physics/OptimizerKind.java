package io.mlsysim.physics;

import java.util.Locale;

/**
 * The training optimizer, as far as memory is concerned: which state it keeps per trainable
 * parameter. The byte counts themselves are calibration constants passed in by the caller.
 */
public enum OptimizerKind {
  ADAM, ADAMW, SGD, NONE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the Adam family (two moments plus an fp32 master copy). */
  public boolean adaptive() {
    return this == ADAM || this == ADAMW;
  }

  /** Case-insensitive; an unknown name is an error listing the allowed ones. */
  public static OptimizerKind parse(String text) {
    if (text != null) {
      for (OptimizerKind k : values()) {
        if (k.id().equalsIgnoreCase(text.trim())) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException("optimizer: unknown optimizer '" + text
        + "'; use one of adam, adamw, sgd, none");
  }
}
