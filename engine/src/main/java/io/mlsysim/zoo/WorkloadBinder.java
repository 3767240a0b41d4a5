package io.mlsysim.zoo;

import static io.mlsysim.units.QuantityKind.DATA_SIZE;
import static io.mlsysim.units.QuantityKind.OPERATIONS;

import io.mlsysim.provenance.Provenance;
import io.mlsysim.workloads.CnnWorkload;
import io.mlsysim.workloads.DiffusionWorkload;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.SsmWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import io.mlsysim.workloads.WorkloadTier;
import io.mlsysim.zoo.spec.WorkloadSpec;

/** Turns a workload spec into the right member of the workload family, validated. */
final class WorkloadBinder {
  private static final java.util.Set<String> TRANSFORMER_TYPES =
      java.util.Set.of("transformer", "moe", "mixture_of_experts", "sparse_transformer");

  private WorkloadBinder() {}

  static Workload bind(EntryContext c, String tier, WorkloadSpec s) {
    WorkloadTier t = parseTier(c, tier);
    String type = c.require("type", s.type).trim().toLowerCase(java.util.Locale.ROOT);
    Provenance src = c.provenance(s.source);
    double params = s.parameters == null ? Double.NaN : c.positive("parameters", s.parameters);
    double flops = c.positiveIfPresent("inference_flops", c.optional("inference_flops", s.inferenceFlops, OPERATIONS));
    int layers = s.layers == null ? 0 : c.positive("layers", s.layers);
    // Only the transformer families carry a vocabulary; elsewhere the field would be silently dropped.
    c.check(s.vocabSize == null || TRANSFORMER_TYPES.contains(type),
        "vocab_size applies to transformer and moe workloads only; remove it from this " + type + " entry");
    return switch (type) {
      case "transformer" -> {
        checkTransformer(c, s, params, layers);
        yield new TransformerWorkload(c.name(), t, params, flops, layers, orZero(s.hiddenSize), orZero(s.heads),
            orZero(s.kvHeads), orZero(s.kvLoraRank), orZero(s.qkRopeHeadDim), vocabSize(c, s), orNaN(s.trainingTokens),
            c.optional("training_flops", s.trainingFlops, OPERATIONS), src);
      }
      case "moe", "mixture_of_experts", "sparse_transformer" -> {
        checkTransformer(c, s, params, layers);
        double active = c.positive("active_parameters", c.require("active_parameters", s.activeParameters));
        c.check(active <= params, "active_parameters " + active + " exceeds parameters " + params);
        int experts = c.positive("experts", s.experts);
        int activeExperts = s.activeExperts == null ? 1 : c.positive("active_experts", s.activeExperts);
        c.check(activeExperts <= experts, "active_experts " + activeExperts + " exceeds experts " + experts);
        yield new SparseTransformerWorkload(c.name(), t, params, active, flops, layers, orZero(s.hiddenSize),
            orZero(s.heads), orZero(s.kvHeads), orZero(s.kvLoraRank), orZero(s.qkRopeHeadDim), vocabSize(c, s), experts,
            activeExperts, orNaN(s.trainingTokens), src);
      }
      case "cnn" -> {
        c.require("parameters", s.parameters);
        c.require("inference_flops", s.inferenceFlops);
        yield new CnnWorkload(c.name(), t, params, flops, layers, src);
      }
      case "ssm" -> {
        c.require("parameters", s.parameters);
        int hidden = c.positive("hidden_size", s.hiddenSize);
        c.check(hidden % 64 == 0, "hidden_size " + hidden + " is not a multiple of 64");
        yield new SsmWorkload(c.name(), t, params, flops, c.positive("layers", s.layers), hidden,
            c.positive("state_size", s.stateSize), src);
      }
      case "diffusion" -> new DiffusionWorkload(c.name(), t, c.positive("parameters", c.require("parameters", s.parameters)),
          flops, c.positive("denoising_steps", s.denoisingSteps), orZero(s.resolution), src);
      case "generic" -> {
        double size = c.positiveIfPresent("model_size", c.optional("model_size", s.modelSize, DATA_SIZE));
        c.check(!Double.isNaN(params) || !Double.isNaN(size), "a generic workload needs parameters or model_size");
        yield new Workload(c.name(), t, params, flops, size, layers, src);
      }
      default -> throw c.error(0, "type '" + s.type + "' is not a workload family;"
          + " use transformer, moe, cnn, ssm, diffusion or generic");
    };
  }

  private static void checkTransformer(EntryContext c, WorkloadSpec s, double params, int layers) {
    c.require("parameters", s.parameters);
    c.check(layers > 0, "layers is required for a transformer");
    int hidden = c.positive("hidden_size", s.hiddenSize);
    int heads = c.positive("heads", s.heads);
    c.check(hidden % 64 == 0, "hidden_size " + hidden + " is not a multiple of 64");
    c.check(hidden % heads == 0, "hidden_size " + hidden + " is not divisible by heads " + heads);
    int headDim = hidden / heads;
    c.check(headDim >= 32 && headDim <= 256, "head size hidden_size/heads = " + headDim + " is outside 32–256");
    if (s.kvHeads != null) {
      c.check(s.kvHeads > 0 && heads % s.kvHeads == 0, "kv_heads " + s.kvHeads + " must divide heads " + heads);
    }
  }

  /** 0 (unknown) when absent; a stated vocabulary must be positive. */
  private static int vocabSize(EntryContext c, WorkloadSpec s) {
    return s.vocabSize == null ? 0 : c.positive("vocab_size", s.vocabSize);
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }

  private static WorkloadTier parseTier(EntryContext c, String tier) {
    for (WorkloadTier t : WorkloadTier.values()) {
      if (t.id().equalsIgnoreCase(tier)) {
        return t;
      }
    }
    throw c.error(0, "tier '" + tier + "' is not a workload tier (language, vision, tiny, recommendation, generative)");
  }
}
