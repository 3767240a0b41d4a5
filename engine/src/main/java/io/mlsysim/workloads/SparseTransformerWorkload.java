package io.mlsysim.workloads;

import io.mlsysim.provenance.Provenance;

/** A mixture-of-experts transformer: weights count every expert, work counts the active ones. */
public final class SparseTransformerWorkload extends TransformerWorkload {
  private final double activeParameters;
  private final int experts;
  private final int activeExperts;

  /** Without a vocabulary size (kept so code written before {@link #vocabSize()} still compiles). */
  public SparseTransformerWorkload(String name, WorkloadTier tier, double parameters,
      double activeParameters, double inferenceFlops, int layers, int hiddenSize, int heads,
      int kvHeads, int kvLoraRank, int qkRopeHeadDim, int experts, int activeExperts,
      double trainingTokens, Provenance source) {
    this(name, tier, parameters, activeParameters, inferenceFlops, layers, hiddenSize, heads, kvHeads,
        kvLoraRank, qkRopeHeadDim, 0, experts, activeExperts, trainingTokens, source);
  }

  /** {@code vocabSize} ≤ 0 means unknown. */
  public SparseTransformerWorkload(String name, WorkloadTier tier, double parameters,
      double activeParameters, double inferenceFlops, int layers, int hiddenSize, int heads,
      int kvHeads, int kvLoraRank, int qkRopeHeadDim, int vocabSize, int experts, int activeExperts,
      double trainingTokens, Provenance source) {
    super(name, tier, parameters, inferenceFlops, layers, hiddenSize, heads, kvHeads, kvLoraRank,
        qkRopeHeadDim, vocabSize, trainingTokens, Double.NaN, source);
    this.activeParameters = activeParameters;
    this.experts = experts;
    this.activeExperts = activeExperts > 0 ? activeExperts : 1;
  }

  @Override
  public WorkloadFamily family() {
    return WorkloadFamily.MIXTURE_OF_EXPERTS;
  }

  public double activeParameters() {
    return activeParameters;
  }

  public int experts() {
    return experts;
  }

  /** Experts each token is routed to (top-k), default 1. */
  public int activeExperts() {
    return activeExperts;
  }

  /** Two FLOP per active parameter: only the routed experts do work. */
  @Override
  public double inferenceOps() {
    return 2 * activeParameters;
  }

  @Override
  protected void addFields(java.util.Map<String, Object> m) {
    super.addFields(m);
    m.put("active_parameters", activeParameters);
    m.put("experts", experts);
    m.put("active_experts", activeExperts);
  }
}
