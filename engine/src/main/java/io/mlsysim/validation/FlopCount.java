package io.mlsysim.validation;

import io.mlsysim.workloads.TransformerWorkload;

/**
 * How a source counts the FLOPs of one training step, so that a published "teraFLOP/s per GPU"
 * can be compared with a predicted step time: throughput = FLOPs / (step · GPUs).
 */
public enum FlopCount {
  /**
   * Narayanan et al. 2021 (arXiv 2104.04473), Section 5.1, with full activation recomputation:
   * {@code F = 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h))}.
   */
  NARAYANAN2021;

  static FlopCount parse(String origin, String text) {
    if ("narayanan2021".equals(text)) {
      return NARAYANAN2021;
    }
    throw MeasurementFile.bad(origin, "flop_count", "flop_count '" + text + "' is not known; use narayanan2021");
  }

  /** FLOPs of one step of {@code batch} sequences of {@code seqLen} tokens. */
  public double perStep(TransformerWorkload w, int batch, int seqLen) {
    double s = seqLen;
    double l = w.layers();
    double h = w.hiddenSize();
    double v = w.vocabSize();
    return 96 * batch * s * l * h * h * (1 + s / (6 * h) + v / (16 * l * h));
  }
}
