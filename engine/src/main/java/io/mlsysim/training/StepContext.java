package io.mlsysim.training;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.InfeasibleException;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.GemmEfficiency;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;

/**
 * What the time terms read, computed once per step: the job, its layout and placement, the
 * chip's rates, and the forward work of one micro-batch through one layer of one rank. FLOP
 * counts follow Narayanan et al. 2021 (arXiv 2104.04473, Appendix): a layer's forward is
 * {@code 2·tokens·P_layer} in its weight GEMMs plus {@code 4·tokens·s·h} for the attention scores
 * and their product with the values; the output layer adds {@code 2·tokens·V·h}; the backward
 * costs twice the forward. In fp8 only the weight GEMMs run at the fp8 rate (as Transformer
 * Engine does); attention and the output layer stay in 16 bits.
 */
public final class StepContext {
  public final TrainingJob job;
  public final TrainingLayout layout;
  public final Placement placement;
  public final StepOptions options;
  /** Peak FLOP/s of the weight GEMMs (the fp8 rate for fp8 training). */
  public final double gemmPeak;
  /** Peak FLOP/s of attention and the output layer (16-bit for fp8 training). */
  public final double attentionPeak;
  public final double hbmBandwidth;
  /** Achieved fraction of peak of this rank's weight GEMMs, from {@link GemmEfficiency}. */
  public final double efficiency;
  /** The same for attention and the output layer, at their own (16-bit) peak. */
  public final double attentionEfficiency;
  /** Bytes of one activation element as stored (2, or 4 in fp32/tf32). */
  public final double activationBytes;
  /** One micro-batch's layer input on one rank before TP splits it: tokens·h·b, bytes. */
  public final double boundaryBytes;
  /** Forward FLOP of one layer's weight GEMMs for one micro-batch on one rank (busiest expert included). */
  public final double gemmFlops;
  /** Forward FLOP of one layer's attention core for one micro-batch on one rank. */
  public final double attentionFlops;
  /** Forward FLOP of the output layer for one micro-batch on one rank. */
  public final double outputFlops;
  /** Time of one layer's forward for one micro-batch on one rank, compute only. */
  public final double layerForwardTime;

  public StepContext(TrainingLayout layout, Placement placement, HardwareNode hardware, StepOptions options) {
    this.layout = layout;
    this.job = layout.job();
    this.placement = placement;
    this.options = options;
    Precision p = job.precision();
    if (p != Precision.BF16 && p != Precision.FP16 && hardware.compute().fallsBack(p)) {
      // the zoo gives no rate for this format on this chip; borrowing the 16-bit peak would be fiction
      throw new InfeasibleException("precision " + p.id() + ": the zoo gives " + hardware.name() + " no " + p.id()
          + " rate; train it in bf16");
    }
    TransformerWorkload w = job.workload();
    int tp = job.tp();
    double h = w.hiddenSize();
    double s = job.seqLen();
    double tokens = layout.tokensPerMicrobatch();
    this.gemmPeak = hardware.compute().flops(p);
    this.attentionPeak = p == Precision.FP8 ? hardware.compute().flops(Precision.BF16) : gemmPeak;
    this.hbmBandwidth = hardware.memory().bandwidth();
    this.activationBytes = storageBytes(p);
    this.boundaryBytes = tokens * h * activationBytes;
    double routed = layout.activeLayerParams() - layout.denseLayerParams();
    double busiest = layout.denseLayerParams() + routed * options.moeImbalance();
    this.gemmFlops = 2 * tokens * busiest / tp;
    // scores Q·Kᵀ and their product with V, 2·s·h each per token; a fused causal kernel skips the
    // masked half, an unfused one computes the whole s×s matrix and then masks it
    this.attentionFlops = (job.flashAttention() ? 2 : 4) * tokens * s * h / tp;
    this.outputFlops = 2 * tokens * layout.vocabParams() / tp;
    double gemmSize = 2 * tokens * h * h / tp;
    this.efficiency = GemmEfficiency.achieved(gemmSize, gemmPeak, Calibration.GEMM_EFFICIENCY_MAX,
        Calibration.GEMM_FIXED_TIME);
    this.attentionEfficiency = attentionPeak == gemmPeak ? efficiency : GemmEfficiency.achieved(gemmSize,
        attentionPeak, Calibration.GEMM_EFFICIENCY_MAX, Calibration.GEMM_FIXED_TIME);
    this.layerForwardTime = gemmFlops / (gemmPeak * efficiency) + attentionFlops / (attentionPeak * attentionEfficiency);
  }

  /** Bytes a training tensor of weights or activations is kept in: 4 in fp32/tf32, else 2 (fp8 keeps 16-bit copies). */
  public static double storageBytes(Precision p) {
    return p == Precision.FP32 || p == Precision.TF32 ? 4 : 2;
  }

  /** Micro-batches per pipeline per step. */
  public int m() {
    return layout.microbatches();
  }

  /** Layers of the busiest stage. */
  public int layers() {
    return layout.layersPerStage();
  }

  public boolean fullRecompute() {
    return job.checkpointing() == ActivationCheckpointing.FULL;
  }

  /**
   * Bytes the layer's tensors occupy when nothing is recomputed: what memory-bound kernels
   * stream. Fused attention never materialises the s×s scores, so only the s·h-sized tensors
   * remain (Korthikanti's selective figure).
   */
  public double layerActivationTraffic() {
    TransformerWorkload w = job.workload();
    return TransformerMath.activationBytesPerLayer(job.seqLen(), job.microbatchSize(), w.hiddenSize(), w.heads(),
        job.tp(), job.sequenceParallel(), job.flashAttention() ? ActivationCheckpointing.SELECTIVE
            : ActivationCheckpointing.NONE, activationBytes);
  }

  /** Experts each token visits (1 for a dense model). */
  public int topK() {
    return job.workload() instanceof SparseTransformerWorkload s ? s.activeExperts() : 1;
  }
}
