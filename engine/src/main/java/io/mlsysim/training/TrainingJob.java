package io.mlsysim.training;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;

/**
 * What is trained and how it is split, with named fields: the model, the global batch
 * ({@code batch} sequences per optimizer step) and its micro-batch size, the parallel degrees
 * (dp is the data-parallel degree N/(tp·pp); expert parallelism is carved out of it), the
 * schedule and the numeric formats. Build one with {@link #of(Workload)}; every field has a
 * default. The constructor refuses what no training stack accepts, naming the field and the
 * fix; shapes that are valid but do not divide are {@link TrainingLayout}'s to report.
 *
 * @param flashAttention fused attention (FlashAttention and its kin): the s×s score matrix is never
 *     stored or streamed through HBM, and causal masking skips the masked half of its FLOPs
 * @param trainableFraction share of the parameters that get gradients and optimizer state
 * @param bufferFraction communication buffers as a fraction of the gradient bytes
 */
public record TrainingJob(
    TransformerWorkload workload,
    int batch,
    int seqLen,
    int microbatchSize,
    int dp,
    int tp,
    int pp,
    int ep,
    boolean sequenceParallel,
    int interleave,
    Precision precision,
    Precision gradientPrecision,
    int zeroStage,
    OptimizerKind optimizer,
    ActivationCheckpointing checkpointing,
    boolean flashAttention,
    double trainableFraction,
    double bufferFraction) {

  public TrainingJob {
    positive("batch", batch);
    positive("seq_len", seqLen);
    positive("microbatch_size", microbatchSize);
    positive("dp", dp);
    positive("tp", tp);
    positive("pp", pp);
    positive("ep", ep);
    positive("interleave", interleave);
    if (zeroStage < 0 || zeroStage > 3) {
      throw new InvalidInputException("zero_stage", "zero_stage must be 0, 1, 2 or 3, got " + zeroStage);
    }
    if (precision == Precision.INT8 || precision == Precision.INT4) {
      throw new InvalidInputException("precision", "precision: training in " + precision.id()
          + " is not modelled (integer formats are for inference); use bf16, fp16, fp8, tf32 or fp32");
    }
    if (gradientPrecision != Precision.FP32 && gradientPrecision != Precision.BF16
        && gradientPrecision != Precision.FP16) {
      throw new InvalidInputException("gradient_precision", "gradient_precision: gradients are kept and reduced"
          + " in fp32, bf16 or fp16, got " + gradientPrecision.id());
    }
    if (!(trainableFraction >= 0 && trainableFraction <= 1)) {
      throw new InvalidInputException("trainable_fraction", "trainable_fraction must be in [0, 1], got "
          + trainableFraction);
    }
    if (!(bufferFraction >= 0) || Double.isInfinite(bufferFraction)) {
      throw new InvalidInputException("comm_buffer_fraction", "comm_buffer_fraction must be a finite number >= 0, got "
          + bufferFraction);
    }
    int heads = workload.heads();
    if (heads % tp != 0) {
      throw new InvalidInputException("tp", "tp: " + tp + " does not divide the " + heads + " attention heads of "
          + workload.name() + "; choose a divisor of " + heads);
    }
    if (pp > workload.layers()) {
      throw new InvalidInputException("pp", "pp: " + pp + " stages for the " + workload.layers() + " layers of "
          + workload.name() + "; use at most " + workload.layers());
    }
    if (ep > 1) {
      if (!(workload instanceof SparseTransformerWorkload s)) {
        throw new InvalidInputException("ep", "ep: " + ep + " needs a mixture-of-experts model; " + workload.name()
            + " is dense, use ep 1");
      }
      if (ep > s.experts()) {
        throw new InvalidInputException("ep", "ep: " + ep + " exceeds the " + s.experts() + " experts of "
            + workload.name() + "; use at most " + s.experts());
      }
    }
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new InvalidInputException(field, field + " must be a positive integer, got " + value);
    }
  }

  /** The transformer a training model needs, or an error naming the workload input. */
  public static TransformerWorkload transformer(Workload w) {
    if (w instanceof TransformerWorkload t && t.hasParameters() && t.layers() > 0) {
      return t;
    }
    throw new InvalidInputException("workload", "workload: " + w.name() + " is not a transformer with a parameter"
        + " count and layers; training memory and parallelism need one (e.g. Llama3_70B)");
  }

  /** A builder with every default: one micro-batch of one sequence, no parallelism, Adam, selective checkpointing. */
  public static Builder of(Workload workload) {
    return new Builder(transformer(workload));
  }

  /** Share of the parameters LoRA adapters of the calibrated rank add to every layer. */
  public static double loraFraction(TransformerWorkload w) {
    return TransformerMath.loraTrainableFraction(Calibration.LORA_RANK, w.hiddenSize(), w.layers(), w.parameters());
  }

  /** The same job with a different data-parallel degree (a fleet fixes it). */
  public TrainingJob withDp(int newDp) {
    return new TrainingJob(workload, batch, seqLen, microbatchSize, newDp, tp, pp, ep, sequenceParallel, interleave,
        precision, gradientPrecision, zeroStage, optimizer, checkpointing, flashAttention, trainableFraction,
        bufferFraction);
  }

  /** Named-field construction; {@link #build()} validates. */
  public static final class Builder {
    private final TransformerWorkload workload;
    private int batch = Calibration.DEFAULT_BATCH;
    private int seqLen = Calibration.DEFAULT_SEQ_LEN;
    private int microbatchSize = 1;
    private int dp = 1;
    private int tp = 1;
    private int pp = 1;
    private int ep = 1;
    private boolean sequenceParallel;
    private int interleave = 1;
    private Precision precision = Precision.BF16;
    private Precision gradientPrecision = Precision.FP32;
    private int zeroStage;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private ActivationCheckpointing checkpointing = ActivationCheckpointing.SELECTIVE;
    private boolean flashAttention = true;
    private double trainableFraction = 1.0;
    private boolean lora;
    private double bufferFraction = Calibration.COMM_BUFFER_FRACTION;

    private Builder(TransformerWorkload workload) {
      this.workload = workload;
    }

    public Builder batch(int v) { batch = v; return this; }
    public Builder seqLen(int v) { seqLen = v; return this; }
    public Builder microbatchSize(int v) { microbatchSize = v; return this; }
    public Builder dp(int v) { dp = v; return this; }
    public Builder tp(int v) { tp = v; return this; }
    public Builder pp(int v) { pp = v; return this; }
    public Builder ep(int v) { ep = v; return this; }
    public Builder sequenceParallel(boolean v) { sequenceParallel = v; return this; }
    public Builder interleave(int v) { interleave = v; return this; }
    public Builder precision(Precision v) { precision = v; return this; }
    public Builder gradientPrecision(Precision v) { gradientPrecision = v; return this; }
    public Builder zeroStage(int v) { zeroStage = v; return this; }
    public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
    public Builder checkpointing(ActivationCheckpointing v) { checkpointing = v; return this; }
    public Builder flashAttention(boolean v) { flashAttention = v; return this; }
    public Builder trainableFraction(double v) { trainableFraction = v; return this; }
    /** Train LoRA adapters only: the trainable fraction becomes the adapters' share of the parameters. */
    public Builder lora(boolean v) { lora = v; return this; }
    public Builder bufferFraction(double v) { bufferFraction = v; return this; }

    public TrainingJob build() {
      double trainable = lora ? loraFraction(workload) : trainableFraction;
      return new TrainingJob(workload, batch, seqLen, microbatchSize, dp, tp, pp, ep, sequenceParallel, interleave,
          precision, gradientPrecision, zeroStage, optimizer, checkpointing, flashAttention, trainable, bufferFraction);
    }
  }
}
