package io.mlsysim.physics;

/**
 * Operation counts and cache sizes of transformer (and state-space) models.
 *
 * <p>Symbols: P parameters, D training tokens, L layers, h hidden size, a attention heads,
 * H_kv key/value heads, d head size, S sequence length, B batch, b bytes per element. Counts in
 * FLOP, sizes in bytes.
 */
public final class TransformerMath {
  private TransformerMath() {}

  /** Forward + backward over D tokens: {@code 6·P·D}. */
  public static double trainingFlops(double params, double tokens) {
    return 6 * params * tokens;
  }

  /** With full activation recomputation the forward pass runs twice: {@code 8·P·D}. */
  public static double trainingFlopsFullRecompute(double params, double tokens) {
    return 8 * params * tokens;
  }

  /** Per-token training FLOP multiplier over the forward pass: 3 (fwd + 2·fwd), 4 with full recompute. */
  public static double trainingMultiplier(boolean fullRecompute) {
    return fullRecompute ? 4 : 3;
  }

  /** One generated token reads every weight once for a multiply-add: {@code 2·P}. */
  public static double decodeFlopsPerToken(double params) {
    return 2 * params;
  }

  /** Prefill of S tokens: {@code 2·P·S + c·L·h·S²}. */
  public static double prefillFlops(double params, int layers, double hidden, double seqLen, AttentionMask mask) {
    return 2 * params * seqLen + mask.coefficient() * layers * hidden * seqLen * seqLen;
  }

  /**
   * Serving prefill of n new tokens against a context of S tokens, batch B:
   * {@code 2·P·n·B + 4·L·a·d·n·S·B}.
   */
  public static double servingPrefillFlops(double params, int layers, int heads, double headDim,
      double newTokens, double contextTokens, double batch) {
    return 2 * params * newTokens * batch
        + 4.0 * layers * heads * headDim * newTokens * contextTokens * batch;
  }

  /** Keys and values of every layer: {@code 2·L·H_kv·d·S·B·b}. */
  public static double kvCacheBytes(int layers, int kvHeads, double headDim, double seqLen, double batch,
      double bytesPerElement) {
    return 2.0 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement;
  }

  /** Multi-head latent attention caches one compressed vector per token and layer: {@code L·(r_kv + d_rope)·S·B·b}. */
  public static double mlaKvCacheBytes(int layers, int kvLoraRank, int qkRopeHeadDim, double seqLen, double batch,
      double bytesPerElement) {
    return (double) layers * (kvLoraRank + qkRopeHeadDim) * seqLen * batch * bytesPerElement;
  }

  /** State-space recurrent state, independent of sequence length: {@code L·B·h·N·b}. */
  public static double ssmStateBytes(int layers, double batch, double hidden, double stateSize, double bytesPerElement) {
    return layers * batch * hidden * stateSize * bytesPerElement;
  }

  /**
   * Activation bytes one transformer layer keeps for the backward pass (Korthikanti et al. 2022,
   * "Reducing Activation Recomputation in Large Transformer Models", arXiv 2205.05198, Table 2),
   * for sequence s, micro-batch b, hidden h, heads a and tensor-parallel degree t, scaled from
   * their 2-byte activations by {@code bytes/2}:
   * <pre>
   *   none        sbh·(10 + 24/t + 5as/(ht))      with sequence parallelism  sbh/t·(34 + 5as/h)
   *   selective   sbh·(10 + 24/t)                 with sequence parallelism  34·sbh/t
   *   full        2·sbh (each layer's input)      with sequence parallelism  2·sbh/t
   * </pre>
   * The 10·sbh of the layer norms and dropouts are replicated on every tensor-parallel rank
   * unless sequence parallelism splits them.
   */
  public static double activationBytesPerLayer(double seqLen, double microBatch, double hidden, int heads, int tp,
      boolean sequenceParallel, ActivationCheckpointing strategy, double bytesPerElement) {
    double sbh = seqLen * microBatch * hidden;
    double attention = 5.0 * heads * seqLen / hidden;
    double base = switch (strategy) {
      case NONE -> sequenceParallel ? sbh / tp * (34 + attention) : sbh * (10 + 24.0 / tp + attention / tp);
      case SELECTIVE -> sequenceParallel ? 34 * sbh / tp : sbh * (10 + 24.0 / tp);
      case FULL -> sequenceParallel ? 2 * sbh / tp : 2 * sbh;
    };
    return base * (bytesPerElement / 2);
  }

  /**
   * Fraction of parameters LoRA trains: rank-r adapters on four projection matrices per layer,
   * {@code min(2·r·h·4·L / P, 1)}.
   */
  public static double loraTrainableFraction(double rank, double hidden, int layers, double params) {
    return Math.min(2 * rank * hidden * 4 * layers / params, 1.0);
  }

  /** Weight bytes: {@code P·b}. */
  public static double weightBytes(double params, double bytesPerElement) {
    return params * bytesPerElement;
  }
}
