package io.mlsysim.physics;

/**
 * Where parallel groups land when ranks are numbered TP-innermost (TP, then EP, then PP, then
 * DP), and the per-rank work of a training step. Sizes in bytes, rates in B/s, FLOP counts.
 *
 * <p>With that numbering a group of stride {@code s} and size {@code n} occupies ranks
 * {@code r, r+s, …, r+(n−1)s}; a node holds {@code g} consecutive ranks.
 */
public final class Parallelism {
  private Parallelism() {}

  /**
   * True when a group of consecutive ranks spanning {@code span} ranks (TP: tp; TP×EP: tp·ep;
   * a whole pipeline: tp·ep·pp) fits inside one node of {@code perNode} accelerators.
   */
  public static boolean withinNode(long span, int perNode) {
    return span <= perNode;
  }

  /**
   * Members of a strided group that share one node: 1 when the stride fills a node (each
   * member on its own node), else {@code min(n, perNode/stride)} when the stride tiles the node,
   * else 1 (treated as crossing the fabric).
   */
  public static int groupMembersPerNode(long stride, int groupSize, int perNode) {
    if (stride >= perNode || perNode % stride != 0) {
      return 1;
    }
    return (int) Math.min(groupSize, perNode / stride);
  }

  /** Nodes a group of {@code groupSize} spans with {@code perNode} members per node: ⌈n/g⌉. */
  public static int nodesSpanned(int groupSize, int membersPerNode) {
    return (groupSize + membersPerNode - 1) / membersPerNode;
  }

  /**
   * Fabric rate one rank sees: the port rate after oversubscription, shared when a node has
   * fewer NICs than accelerators ({@code nics} ≤ 0 means one per accelerator).
   */
  public static double perRankFabricBandwidth(double portBandwidth, double oversubscription, int nics,
      int perNode) {
    double share = nics <= 0 || nics >= perNode ? 1.0 : (double) nics / perNode;
    return portBandwidth / oversubscription * share;
  }

  /**
   * Training FLOP of one causal sequence of S tokens: the forward pass
   * {@code 2·P·S + 2·L·h·S²} times 3 (forward + backward), times 4 with full recomputation, so
   * {@code 6·P·S} (or {@code 8·P·S}) plus attention.
   */
  public static double trainingFlopsPerSequence(double params, int layers, double hidden, double seqLen,
      boolean fullRecompute) {
    return TransformerMath.trainingMultiplier(fullRecompute)
        * TransformerMath.prefillFlops(params, layers, hidden, seqLen, AttentionMask.CAUSAL);
  }

  /** One point-to-point transfer: {@code M/β + α}. */
  public static double pointToPoint(double bytes, double bandwidth, double alpha) {
    return bytes / bandwidth + alpha;
  }
}
