package io.mlsysim.physics;

/** Mixture-of-experts routing arithmetic. Sizes in bytes. */
public final class MoE {
  private MoE() {}

  /** Experts a step effectively runs under load imbalance: {@code min(experts, k·imbalance)}. */
  public static double effectiveExperts(int experts, int topK, double imbalance) {
    return Math.min(experts, topK * imbalance);
  }

  /** Routed activation bytes: {@code B·S·h·b·k·multiplier}. */
  public static double payload(double batch, double seqLen, double hidden, double bytesPerElement, int topK,
      double multiplier) {
    return batch * seqLen * hidden * bytesPerElement * topK * multiplier;
  }

  /** Bytes that leave a rank in an all-to-all among {@code ep}: {@code payload·(ep−1)/ep}. */
  public static double dispatchBytes(double payload, int ep) {
    return payload * (ep - 1) / ep;
  }
}
