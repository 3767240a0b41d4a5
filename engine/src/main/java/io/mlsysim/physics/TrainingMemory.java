package io.mlsysim.physics;

/**
 * Memory one training rank holds: its shard of the weights, gradients and optimizer state, the
 * activations of its pipeline stage, and communication buffers. Sizes in bytes.
 *
 * <p>Sharding: a rank holds {@code P/(tp·pp·ep)} parameters; ZeRO stage ≥ 1 further divides the
 * optimizer state by dp, stage ≥ 2 also the gradients, stage 3 also the weights.
 */
public final class TrainingMemory {
  private TrainingMemory() {}

  /** Parameters held by one rank: {@code P/(tp·pp·ep)}. */
  public static double paramsPerRank(double params, int tp, int pp, int ep) {
    return params / ((double) tp * pp * ep);
  }

  /** Samples per micro-batch: {@code ⌈B/(dp·gradAccum)⌉}, at least 1. */
  public static int microBatch(int globalBatch, int dp, int gradAccum) {
    long denom = (long) dp * gradAccum;
    return (int) Math.max(1, (globalBatch + denom - 1) / denom);
  }

  /** Layers held by one pipeline stage: {@code ⌈L/pp⌉}. */
  public static int layersPerStage(int layers, int pp) {
    return (layers + pp - 1) / pp;
  }

  /** Weight bytes of a rank: {@code p·b}, divided by dp at ZeRO stage 3. */
  public static double weights(double rankParams, double bytesPerElement, int zeroStage, int dp) {
    return rankParams * bytesPerElement / (zeroStage >= 3 ? dp : 1);
  }

  /** Gradient bytes of a rank: {@code p·trainable·b}, divided by dp at ZeRO stage ≥ 2. */
  public static double gradients(double rankParams, double trainableFraction, double bytesPerElement,
      int zeroStage, int dp) {
    return rankParams * trainableFraction * bytesPerElement / (zeroStage >= 2 ? dp : 1);
  }

  /**
   * Optimizer state of a rank: {@code p·trainable·stateBytesPerParam}, divided by dp at ZeRO
   * stage ≥ 1.
   */
  public static double optimizerState(double rankParams, double trainableFraction, double stateBytesPerParam,
      int zeroStage, int dp) {
    return rankParams * trainableFraction * stateBytesPerParam / (zeroStage >= 1 ? dp : 1);
  }

  /**
   * Optimizer state bytes per trainable parameter for an optimizer kind, given the calibrated
   * figures for the Adam family and for SGD (no optimizer keeps no state).
   */
  public static double stateBytesPerParam(OptimizerKind kind, double adamBytes, double sgdBytes) {
    return switch (kind) {
      case ADAM, ADAMW -> adamBytes;
      case SGD -> sgdBytes;
      case NONE -> 0;
    };
  }

  /** Activations of the layers of one stage: per-layer bytes × {@code ⌈L/pp⌉}. */
  public static double activations(double seqLen, int microBatch, double hidden, int heads, int layersPerStage,
      ActivationCheckpointing strategy, double bytesPerElement) {
    return TransformerMath.activationBytesPerLayer(seqLen, microBatch, hidden, heads, strategy, bytesPerElement)
        * layersPerStage;
  }

  /**
   * Communication buffers: {@code fraction·gradients}, plus one micro-batch of boundary
   * activations {@code 2·mb·S·h·b} when the model is pipelined (pp > 1).
   */
  public static double buffers(double gradientBytes, double bufferFraction, int pp, int microBatch,
      double seqLen, double hidden, double bytesPerElement) {
    double b = bufferFraction * gradientBytes;
    if (pp > 1) {
      b += 2.0 * microBatch * seqLen * hidden * bytesPerElement;
    }
    return b;
  }

  /** The pieces of a rank's footprint, in bytes. */
  public record Breakdown(double weights, double gradients, double optimizerState, double activations,
      double buffers) {
    public double total() {
      return weights + gradients + optimizerState + activations + buffers;
    }
  }

  /**
   * The whole per-rank footprint of a transformer. Constants (optimizer bytes, buffer fraction)
   * come from the caller, normally from the calibration catalogue.
   */
  public static Breakdown breakdown(double params, int layers, double hidden, int heads, int globalBatch,
      double seqLen, double bytesPerElement, double stateBytesPerParam, ActivationCheckpointing strategy,
      int tp, int pp, int dp, int ep, int zeroStage, int gradAccum, double trainableFraction,
      double bufferFraction) {
    Checks.positive("params", params);
    Checks.positive("layers", layers);
    Checks.positive("global batch", globalBatch);
    Checks.positive("seq_len", seqLen);
    Checks.positive("dp", dp);
    Checks.positive("grad_accum", gradAccum);
    Checks.inRange("zero_stage", zeroStage, 0, 3);
    Checks.fraction("trainable_fraction", trainableFraction);
    double p = paramsPerRank(params, tp, pp, ep);
    int mb = microBatch(globalBatch, dp, gradAccum);
    int lps = layersPerStage(layers, pp);
    double w = weights(p, bytesPerElement, zeroStage, dp);
    double g = gradients(p, trainableFraction, bytesPerElement, zeroStage, dp);
    double o = optimizerState(p, trainableFraction, stateBytesPerParam, zeroStage, dp);
    double a = activations(seqLen, mb, hidden, heads, lps, strategy, bytesPerElement);
    double buf = buffers(g, bufferFraction, pp, mb, seqLen, hidden, bytesPerElement);
    return new Breakdown(w, g, o, a, buf);
  }

  /**
   * Training footprint of a model without a transformer shape (CNN, generic): weights and
   * gradients at b bytes plus optimizer state, no activation term.
   */
  public static double withoutActivations(double params, double bytesPerElement, double stateBytesPerParam) {
    return params * (2 * bytesPerElement + stateBytesPerParam);
  }
}
