package io.mlsysim.physics;

/** Quantization and pruning: accuracy cost, speedup and memory savings. */
public final class Compression {
  private Compression() {}

  /**
   * Accuracy change by bit width, as a table of five calibrated steps.
   *
   * @param atLeast16Bit delta at 16 bits or more
   * @param fp8 delta for 8-bit floating point
   * @param int8 delta for other formats of 8 to 15 bits
   * @param atLeast4Bit delta from 4 to 7 bits
   * @param below4Bit delta under 4 bits
   */
  public record QuantizationDeltas(double atLeast16Bit, double fp8, double int8, double atLeast4Bit,
      double below4Bit) {}

  /** The accuracy delta for a format of {@code bits} (floating point or integer). */
  public static double quantizationAccuracyDelta(double bits, boolean floatingPoint, QuantizationDeltas t) {
    if (bits >= 16) {
      return t.atLeast16Bit();
    }
    if (bits >= 8) {
      return floatingPoint && bits == 8 ? t.fp8() : t.int8();
    }
    if (bits >= 4) {
      return t.atLeast4Bit();
    }
    return t.below4Bit();
  }

  /** Compression ratio of quantization: {@code baselineBits/bits}. */
  public static double quantizationRatio(double baselineBits, double bits) {
    return baselineBits / bits;
  }

  /**
   * Speedup of quantization: the compression ratio when the baseline is memory-bound; when
   * compute-bound, {@code min(lowPrecisionFlops/baselineFlops, r)} if the device supports the
   * format, else 1.
   */
  public static double quantizationSpeedup(double ratio, boolean memoryBound, boolean supported,
      double lowPrecisionFlops, double baselineFlops) {
    if (memoryBound) {
      return ratio;
    }
    return supported ? Math.min(lowPrecisionFlops / baselineFlops, ratio) : 1;
  }

  /**
   * Accuracy change of pruning to sparsity s: {@code lowDelta} up to the threshold, above it
   * {@code coefficient·e^(exponent·s)}.
   */
  public static double pruningAccuracyDelta(double sparsity, double threshold, double lowDelta,
      double coefficient, double exponent) {
    return sparsity <= threshold ? lowDelta : coefficient * Math.exp(exponent * sparsity);
  }

  /** Compression ratio of pruning: {@code 1/(1−s)}, capped. */
  public static double pruningRatio(double sparsity, double cap) {
    return sparsity >= 1 ? cap : Math.min(1 / (1 - sparsity), cap);
  }

  /** How pruned weights are laid out, which decides whether hardware can skip them. */
  public enum PruningPattern { STRUCTURED, TWO_FOUR, UNSTRUCTURED }

  /**
   * Speedup of pruning: structured removes whole rows ({@code r}); 2:4 runs at 2× only when the
   * sparsity is within {@code tolerance} of 0.5; unstructured gives none.
   */
  public static double pruningSpeedup(PruningPattern pattern, double ratio, double sparsity, double tolerance) {
    return switch (pattern) {
      case STRUCTURED -> ratio;
      case TWO_FOUR -> Math.abs(sparsity - 0.5) <= tolerance ? 2 : 1;
      case UNSTRUCTURED -> 1;
    };
  }

  /** Memory saved by compression ratio r, in percent: {@code (1 − 1/r)·100}. */
  public static double memorySavingsPercent(double ratio) {
    return (1 - 1 / ratio) * 100;
  }
}
