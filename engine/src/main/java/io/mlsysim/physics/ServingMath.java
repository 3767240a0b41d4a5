package io.mlsysim.physics;

/** Latency pieces of LLM serving: prefill chunks, decode steps, speculative decoding. Times in s. */
public final class ServingMath {
  private ServingMath() {}

  /** Chunks a prefill of n tokens takes: {@code ⌈n/chunk⌉}, 1 when unchunked (chunk ≤ 0). */
  public static int prefillChunks(double newTokens, double chunkTokens) {
    if (!(chunkTokens > 0)) {
      return 1;
    }
    return (int) Math.max(1, Math.ceil(newTokens / chunkTokens));
  }

  /** One decode step reads weights and KV cache: {@code (W + KV)/bw + L·layerTax}. */
  public static double decodeStep(double weightBytes, double kvBytes, double bandwidth, int layers, double layerTax) {
    return (weightBytes + kvBytes) / bandwidth + layers * layerTax;
  }

  /** Tokens emitted per verification with draft length K and acceptance α: {@code 1 + α(1−α^K)/(1−α)}. */
  public static double speculativeExpectedTokens(double acceptance, int draftLength) {
    if (acceptance == 1) {
      return 1 + draftLength;
    }
    return 1 + acceptance * (1 - Math.pow(acceptance, draftLength)) / (1 - acceptance);
  }

  /** Effective inter-token latency with speculation: {@code (K·t_draft + ITL_target)/E}. */
  public static double speculativeItl(int draftLength, double draftStep, double targetItl, double expectedTokens) {
    return (draftLength * draftStep + targetItl) / expectedTokens;
  }
}
