package io.mlsysim.workloads;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.provenance.Provenance;

/**
 * A decoder or encoder transformer. Key/value heads default to the attention heads (no
 * grouped-query attention); latent attention (DeepSeek's MLA) is on when both its ranks are set.
 * The vocabulary size is 0 when the published figure is unknown.
 */
public class TransformerWorkload extends Workload {
  private final int hiddenSize;
  private final int heads;
  private final int kvHeads;
  private final int kvLoraRank;
  private final int qkRopeHeadDim;
  private final int vocabSize;
  private final double trainingTokens;
  private final double trainingFlops;

  /** Without a vocabulary size (kept so code written before {@link #vocabSize()} still compiles). */
  public TransformerWorkload(String name, WorkloadTier tier, double parameters, double inferenceFlops,
      int layers, int hiddenSize, int heads, int kvHeads, int kvLoraRank, int qkRopeHeadDim,
      double trainingTokens, double trainingFlops, Provenance source) {
    this(name, tier, parameters, inferenceFlops, layers, hiddenSize, heads, kvHeads, kvLoraRank, qkRopeHeadDim,
        0, trainingTokens, trainingFlops, source);
  }

  /** {@code vocabSize} ≤ 0 means unknown and is stored as 0. */
  public TransformerWorkload(String name, WorkloadTier tier, double parameters, double inferenceFlops,
      int layers, int hiddenSize, int heads, int kvHeads, int kvLoraRank, int qkRopeHeadDim, int vocabSize,
      double trainingTokens, double trainingFlops, Provenance source) {
    super(name, tier, parameters, inferenceFlops, Double.NaN, layers, source);
    this.hiddenSize = hiddenSize > 0 ? hiddenSize : Calibration.DEFAULT_HIDDEN_SIZE;
    this.heads = heads > 0 ? heads : Calibration.DEFAULT_ATTENTION_HEADS;
    this.kvHeads = kvHeads > 0 ? kvHeads : this.heads;
    this.kvLoraRank = kvLoraRank;
    this.qkRopeHeadDim = qkRopeHeadDim;
    this.vocabSize = Math.max(vocabSize, 0);
    this.trainingTokens = trainingTokens;
    this.trainingFlops = trainingFlops;
  }

  @Override
  public WorkloadFamily family() {
    return WorkloadFamily.TRANSFORMER;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  public int heads() {
    return heads;
  }

  public int kvHeads() {
    return kvHeads;
  }

  /** Head size d = h / a. */
  public int headDim() {
    return hiddenSize / heads;
  }

  public int kvLoraRank() {
    return kvLoraRank;
  }

  public int qkRopeHeadDim() {
    return qkRopeHeadDim;
  }

  /** Tokens in the tokenizer's vocabulary (the embedding and output-layer rows), 0 when unknown. */
  public int vocabSize() {
    return vocabSize;
  }

  public boolean usesLatentAttention() {
    return kvLoraRank > 0 && qkRopeHeadDim > 0;
  }

  /** Tokens the published model was trained on, NaN when unknown. */
  public double trainingTokens() {
    return trainingTokens;
  }

  /** Published total training FLOP, NaN when unknown. */
  public double trainingFlops() {
    return trainingFlops;
  }

  @Override
  protected void addFields(java.util.Map<String, Object> m) {
    m.put("hidden_size", hiddenSize);
    m.put("heads", heads);
    m.put("kv_heads", kvHeads);
    m.put("kv_lora_rank", kvLoraRank);
    m.put("qk_rope_head_dim", qkRopeHeadDim);
    m.put("vocab_size", vocabSize);
    m.put("training_tokens", trainingTokens);
    m.put("training_flops", trainingFlops);
  }
}
