package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;

/**
 * Activations the first pipeline stage keeps: the per-layer bytes of Korthikanti et al. 2022
 * (tensor and sequence parallelism, selective or full recomputation; see
 * {@link TransformerMath#activationBytesPerLayer}) for one micro-batch, times the stage's
 * ⌈L/pp⌉ layers, times the micro-batches in flight: min(m, p) for 1F1B, and
 * p·(1 + (p−1)/(p·v)) stages' worth for the interleaved schedule (their Section 4.2.3). Fused
 * attention keeps no s×s score matrix, so without checkpointing it stores what selective
 * checkpointing stores (Dao et al. 2022, FlashAttention, arXiv 2205.14135).
 */
public final class ActivationMemory implements MemoryTerm {
  public static final Port<Double> PORT = Port.quantity("activation_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("activations kept for the backward pass on the first pipeline stage");

  @Override
  public Port<Double> port() {
    return PORT;
  }

  @Override
  public double bytes(TrainingLayout l) {
    TrainingJob j = l.job();
    TransformerWorkload w = j.workload();
    ActivationCheckpointing kept = j.flashAttention() && j.checkpointing() == ActivationCheckpointing.NONE
        ? ActivationCheckpointing.SELECTIVE : j.checkpointing();
    double perLayer = TransformerMath.activationBytesPerLayer(j.seqLen(), j.microbatchSize(), w.hiddenSize(),
        w.heads(), j.tp(), j.sequenceParallel(), kept, StepContext.storageBytes(j.precision()));
    return perLayer * l.layersPerStage() * l.inFlightStages();
  }
}
