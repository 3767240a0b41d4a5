package io.mlsysim.physics;

/**
 * Layer-by-layer weight streaming (wafer-scale style): weights arrive over an interconnect one
 * layer at a time while on-chip SRAM holds the activations and KV cache. Bytes, FLOP, s, B/s.
 */
public final class WeightStreaming {
  private WeightStreaming() {}

  /** Time to inject one layer's weights: {@code (P/L)·b / bw}. */
  public static double injectTime(double paramsPerLayer, double bytesPerElement, double bandwidth) {
    return paramsPerLayer * bytesPerElement / bandwidth;
  }

  /** FLOP of one layer in decode (one token per sequence): {@code 2·(P/L)·B}. */
  public static double decodeLayerFlops(double paramsPerLayer, double batch) {
    return 2 * paramsPerLayer * batch;
  }

  /** FLOP of one layer in prefill: {@code 2·(P/L)·S·B + 2·H_kv·S²·d·B}. */
  public static double prefillLayerFlops(double paramsPerLayer, double seqLen, double batch, int kvHeads,
      double headDim) {
    return 2 * paramsPerLayer * seqLen * batch + 2.0 * kvHeads * seqLen * seqLen * headDim * batch;
  }

  /**
   * Batch at which compute time equals injection time, so weights stop being the bottleneck:
   * {@code t_inject·peak·η / (2·P/L)}.
   */
  public static double optimalBatch(double injectTime, double peakFlops, double efficiency, double paramsPerLayer) {
    return injectTime * peakFlops * efficiency / (2 * paramsPerLayer);
  }
}
