package io.mlsysim.physics;

/** Compute-optimal model sizing (Hoffmann et al. 2022, "Chinchilla"). FLOP, parameters, tokens. */
public final class Scaling {
  private Scaling() {}

  /** Compute-optimal parameters for budget C with k tokens per parameter: {@code sqrt(C/(6·k))}. */
  public static double optimalParams(double computeBudget, double tokensPerParam) {
    return Math.sqrt(computeBudget / (6 * tokensPerParam));
  }

  /** Compute-optimal tokens: {@code k·P*}. */
  public static double optimalTokens(double optimalParams, double tokensPerParam) {
    return tokensPerParam * optimalParams;
  }

  /** Tokens a fixed-size model can see within budget C: {@code C/(6·P)}. */
  public static double tokensForBudget(double computeBudget, double params) {
    return computeBudget / (6 * params);
  }

  /** A budget in accelerator-days as FLOP: {@code days·86400·peak·MFU}. */
  public static double acceleratorDaysToFlop(double days, double peakFlops, double mfu) {
    return days * 86_400 * peakFlops * mfu;
  }
}
