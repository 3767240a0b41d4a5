package io.mlsysim.hardware;

import java.util.Locale;

/** Numeric precision of weights and arithmetic, with its storage size per element. */
public enum Precision {
  FP32(4), TF32(4), BF16(2), FP16(2), FP8(1), INT8(1), INT4(0.5);

  private final double bytes;
  private final String id;

  Precision(double bytes) {
    this.bytes = bytes;
    this.id = name().toLowerCase(Locale.ROOT);
  }

  /** Bytes per element (int4 packs two elements per byte). */
  public double bytes() {
    return bytes;
  }

  public double bits() {
    return bytes * 8;
  }

  /** Lower-case name ("fp16"), computed once: read on the hot path by precision-rate lookups. */
  public String id() {
    return id;
  }

  /** Case-insensitive; an unknown name is an error that lists the allowed ones. */
  public static Precision parse(String text) {
    if (text != null) {
      for (Precision p : values()) {
        if (p.id().equalsIgnoreCase(text.trim())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("precision: unknown precision '" + text
        + "'; use one of fp32, tf32, bf16, fp16, fp8, int8, int4");
  }
}
