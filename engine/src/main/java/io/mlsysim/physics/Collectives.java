package io.mlsysim.physics;

/**
 * Collective communication times under the α–β model: a message of M bytes over links of
 * bandwidth β (B/s, per direction) with per-step latency α (s), among N participants.
 */
public final class Collectives {
  private Collectives() {}

  /** Ring all-reduce: {@code 2(N−1)/N·M/β + 2(N−1)·α}; 0 for a single participant. */
  public static double ringAllReduce(double bytes, int n, double bandwidth, double alpha) {
    if (n <= 1) {
      return 0;
    }
    return 2.0 * (n - 1) / n * bytes / bandwidth + 2.0 * (n - 1) * alpha;
  }

  /** Tree all-reduce: {@code 2⌈log₂N⌉·(M/β + α)}; 0 for a single participant. */
  public static double treeAllReduce(double bytes, int n, double bandwidth, double alpha) {
    if (n <= 1) {
      return 0;
    }
    return 2.0 * ceilLog2(n) * (bytes / bandwidth + alpha);
  }

  /** All-to-all: {@code (N−1)/N·M/β + (N−1)·α}; 0 for a single participant. */
  public static double allToAll(double bytes, int n, double bandwidth, double alpha) {
    if (n <= 1) {
      return 0;
    }
    return (double) (n - 1) / n * bytes / bandwidth + (n - 1) * alpha;
  }

  /**
   * Two-level all-reduce over {@code nodes} nodes of {@code g} ranks each: reduce-scatter and
   * all-gather inside the node, {@code 2·[(g−1)/g·M/β_intra + (g−1)·α_intra]}, plus a ring
   * all-reduce of the M/g shard across nodes.
   */
  public static double hierarchicalAllReduce(double bytes, int perNode, int nodes, double intraBandwidth,
      double intraAlpha, double interBandwidth, double interAlpha) {
    double intra = perNode <= 1 ? 0
        : 2.0 * ((double) (perNode - 1) / perNode * bytes / intraBandwidth + (perNode - 1) * intraAlpha);
    return intra + ringAllReduce(bytes / perNode, nodes, interBandwidth, interAlpha);
  }

  /** Idle fraction of a pipeline: {@code (p−1)/(v·m + p−1)} (p stages, m micro-batches, v chunks per stage). */
  public static double bubbleFraction(int stages, int microBatches, int interleave) {
    if (stages <= 1) {
      return 0;
    }
    return (stages - 1.0) / ((double) interleave * microBatches + stages - 1);
  }

  /** A link quoted as the sum of both directions carries half that per direction. */
  public static double perDirection(double bidirectionalTotal) {
    return bidirectionalTotal / 2;
  }

  /** ⌈log₂ n⌉ for n ≥ 1. */
  public static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}
