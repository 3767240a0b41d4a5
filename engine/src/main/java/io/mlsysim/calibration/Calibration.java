package io.mlsysim.calibration;

import io.mlsysim.physics.Compression;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.provenance.SourceKind;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The calibration catalogue: every default number the engine assumes, in canonical SI units
 * (see {@link QuantityKind}), each with its provenance in {@link #catalogue()}. This is the only
 * place these numbers live; physics functions take them as parameters and resolvers pass them.
 *
 * <p>Kinds used: {@code heuristic} (a rule of thumb of the reference engine), {@code convention}
 * (a choice or definition), {@code estimate} (a judged figure, notes say how), {@code derived}
 * (computed from other figures), {@code literature}/{@code datasheet} (with a link).
 */
public final class Calibration {
  private Calibration() {}

  // ---- Efficiency and software overheads ----
  /** Default achieved fraction of peak compute (eta). */
  public static final double DEFAULT_EFFICIENCY = 0.5;
  /** Default multi-device scaling efficiency. */
  public static final double DEFAULT_SCALING_EFFICIENCY = 0.90;
  /** Share of data-parallel communication hidden behind compute when overlap is on. */
  public static final double COMM_OVERLAP_EFFICIENCY = 0.85;
  /** Framework overhead per layer and evaluation (0.01 ms). */
  public static final double FRAMEWORK_LAYER_TAX = 1e-5;
  /** Layer tax multiplier for a training step (forward plus backward). */
  public static final int TRAINING_LAYER_TAX_MULTIPLIER = 3;
  /** Latency of one GPU kernel launch (15 us). */
  public static final double KERNEL_LAUNCH_LATENCY = 15e-6;
  /** Per-evaluation dispatch tax when a device gives none (0.01 ms). */
  public static final double DEFAULT_DISPATCH_TAX = 1e-5;
  /** Efficiency at which the per-kernel base MFUs below hold; MFU scales with eta over this. */
  public static final double MFU_REFERENCE_EFFICIENCY = 0.5;
  /** Base MFU of fused (flash) attention. */
  public static final double FLASH_ATTENTION_MFU = 0.75;
  /** Upper bound of flash-attention MFU. */
  public static final double FLASH_ATTENTION_MFU_CAP = 0.85;
  /** Base MFU of unfused attention. */
  public static final double ATTENTION_MFU = 0.30;
  /** Base MFU of feed-forward GEMMs. */
  public static final double FFN_MFU = 0.50;
  /** Upper bound of feed-forward MFU. */
  public static final double FFN_MFU_CAP = 0.60;
  /** Base MFU of convolutions. */
  public static final double CONV_MFU = 0.40;
  /** Upper bound of convolution MFU. */
  public static final double CONV_MFU_CAP = 0.55;
  /** Base MFU of any other kernel. */
  public static final double OTHER_KERNEL_MFU = 0.30;
  /** Factor on eta in the occupancy-loss estimate. */
  public static final double OCCUPANCY_HEADROOM = 1.1;

  // ---- Power ----
  /** Share of TDP drawn at zero utilisation. */
  public static final double IDLE_POWER_FRACTION = 0.30;
  /** Share of TDP that scales with MFU. */
  public static final double DYNAMIC_POWER_FRACTION = 0.70;
  /** TDP assumed for sustainability when a device gives none. */
  public static final double FALLBACK_TDP = 700;
  /** MFU assumed by the sustainability model when none is given (full power). */
  public static final double DEFAULT_SUSTAINABILITY_MFU = 1.0;
  /** PUE when neither datacenter nor region gives one. */
  public static final double FALLBACK_PUE = 1.12;
  /** Registry grid used when a plan names none. */
  public static final String DEFAULT_GRID_REGION = "US_Avg";

  // ---- Training memory ----
  /** Adam/AdamW moments per trainable parameter: first and second moment in fp32. */
  public static final double ADAM_MOMENT_BYTES_PER_PARAM = 8;
  /** SGD momentum per trainable parameter (one fp32 buffer). */
  public static final double SGD_MOMENT_BYTES_PER_PARAM = 4;
  /** fp32 master copy of each trainable parameter when the weights are kept in 16 bits. */
  public static final double MASTER_WEIGHT_BYTES_PER_PARAM = 4;
  /** Checkpoint bytes per parameter with Adam. */
  public static final double CHECKPOINT_BYTES_PER_PARAM_ADAM = 14;
  /** Checkpoint bytes per parameter with SGD. */
  public static final double CHECKPOINT_BYTES_PER_PARAM_SGD = 4;
  /** Communication buffers as a fraction of gradient bytes. */
  public static final double COMM_BUFFER_FRACTION = 0.05;
  /** Adapter rank r assumed for LoRA. */
  public static final int LORA_RANK = 16;
  /** Share of the gradient bytes a LoRA job all-reduces. */
  public static final double LORA_GRADIENT_FRACTION = 0.01;
  /** Training footprint over W with LoRA when no parameter count is known. */
  public static final double LORA_TRAINING_MEMORY_FACTOR = 1.1;
  /** Training footprint over W when no parameter count is known. */
  public static final double UNSHAPED_TRAINING_MEMORY_FACTOR = 3.0;
  /** Activation traffic per sample as a fraction of weight bytes (roofline). */
  public static final double ACTIVATION_TRAFFIC_FRACTION = 0.1;

  // ---- Serving ----
  /** Default sequence length in tokens. */
  public static final int DEFAULT_SEQ_LEN = 2048;
  /** Default batch size. */
  public static final int DEFAULT_BATCH = 1;
  /** Hidden size assumed for a transformer whose entry gives none. */
  public static final int DEFAULT_HIDDEN_SIZE = 4096;
  /** Attention heads assumed for a transformer whose entry gives none. */
  public static final int DEFAULT_ATTENTION_HEADS = 32;
  /** Draft tokens K proposed per speculative step. */
  public static final int SPECULATIVE_DRAFT_LENGTH = 4;
  /** Probability alpha that the target model accepts a draft token. */
  public static final double DRAFT_ACCEPTANCE_RATE = 0.7;
  /** Network bandwidth carrying the KV cache from prefill to decode hardware. */
  public static final double DISAGGREGATION_NETWORK_BANDWIDTH = 100e9;
  /** Tokens per KV-cache page in paged batching. */
  public static final int KV_PAGE_SIZE_TOKENS = 16;
  /** Tokens generated per reasoning step. */
  public static final int REASONING_TOKENS_PER_STEP = 50;
  /** Reasoning steps K of inference-time scaling. */
  public static final int DEFAULT_REASONING_STEPS = 8;
  /** Output tokens per request for capacity sizing. */
  public static final int DEFAULT_OUTPUT_TOKENS = 128;
  /** Largest batch per replica for capacity sizing. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 32;
  /** Largest replica count scanned by capacity sizing. */
  public static final int DEFAULT_MAX_REPLICAS = 1024;
  /** Largest batch the batching optimizer tries. */
  public static final int BATCHING_MAX_BATCH = 256;
  /** Tail probability q of the median. */
  public static final double P50_TAIL = 0.5;
  /** Tail probability q of the 99th percentile. */
  public static final double P99_TAIL = 0.01;
  /** P99 wait budget as a multiple of the service time. */
  public static final double SLO_HEADROOM_SERVICE_MULTIPLE = 5;
  /** SRAM must hold this multiple of the KV cache in weight streaming. */
  public static final double WEIGHT_STREAMING_KV_HEADROOM = 1.1;

  // ---- Bandwidth fallbacks and latencies ----
  /** Storage bandwidth when a device gives none (1 GB/s). */
  public static final double FALLBACK_STORAGE_BANDWIDTH = 1e9;
  /** Interconnect bandwidth when a device gives none (100 GB/s). */
  public static final double FALLBACK_INTERCONNECT_BANDWIDTH = 100e9;
  /** Host offload bandwidth when a device gives none (64 GB/s). */
  public static final double FALLBACK_OFFLOAD_BANDWIDTH = 64e9;
  /** Aggregate checkpoint write limit of the parallel filesystem (500 GB/s). */
  public static final double FILESYSTEM_WRITE_LIMIT = 500e9;
  /** Per-step latency alpha of intra-node collectives (500 ns). */
  public static final double ALPHA_INTRA_NODE = 500e-9;
  /** Per-step latency alpha of inter-node collectives (5 us). */
  public static final double ALPHA_INTER_NODE = 5e-6;
  /** Multiplier on communication time for congestion. */
  public static final double DEFAULT_CONGESTION_FACTOR = 1.0;
  /** Multiplier on step time for stragglers. */
  public static final double DEFAULT_STRAGGLER_FACTOR = 1.0;
  /** Multiplier on expert load for routing imbalance. */
  public static final double DEFAULT_MOE_IMBALANCE = 1.0;
  /** Gradient bucket of the overlapped data-parallel reduction: the last one cannot hide (25 MiB). */
  public static final double DP_BUCKET_BYTES = 25 * 1024 * 1024;

  // ---- Training step (fitted) ----
  /** Largest fraction of peak a training GEMM reaches (eta_max of the GEMM efficiency curve). */
  public static final double GEMM_EFFICIENCY_MAX = 0.67;
  /** Fixed time every GEMM pays whatever its size (t0 of the GEMM efficiency curve). */
  public static final double GEMM_FIXED_TIME = 4e-6;
  /** Passes of memory-bound kernels over a layer's activation bytes per forward and backward. */
  public static final double ELEMENTWISE_PASSES = 6;
  /** Share of HBM a parallelism candidate may fill in the optimizer's screen. */
  public static final double PARALLELISM_MEMORY_SCREEN_FRACTION = 0.9;

  // ---- Topology ----
  /** Nodes assumed by the topology model. */
  public static final int DEFAULT_TOPOLOGY_NODES = 64;
  /** Bisection fraction of a dragonfly network. */
  public static final double DRAGONFLY_BISECTION_FRACTION = 0.85;
  /** Average hops in a fat tree. */
  public static final double FAT_TREE_AVERAGE_HOPS = 4;
  /** Average hops in a dragonfly. */
  public static final double DRAGONFLY_AVERAGE_HOPS = 3;

  // ---- Scaling ----
  /** Compute-optimal training tokens per parameter. */
  public static final double CHINCHILLA_TOKENS_PER_PARAM = 20;
  /** Peak of the reference accelerator for GPU-day budgets (H100 dense BF16). */
  public static final double REFERENCE_PEAK_FLOPS = 989e12;
  /** MFU assumed when converting GPU-days to FLOP. */
  public static final double REFERENCE_MFU = 0.40;

  // ---- Economics ----
  /** Electricity price when neither plan, grid nor datacenter gives one: 0.12 USD/kWh, in USD/J. */
  public static final double DEFAULT_ELECTRICITY_PRICE = 0.12 / 3.6e6;
  /** Length of a year for amortisation and maintenance (365 days). */
  public static final double YEAR = 365.0 * 86_400;
  /** Straight-line amortisation period of hardware (3 years). */
  public static final double AMORTIZATION_PERIOD = 3 * 365.0 * 86_400;
  /** Yearly maintenance as a fraction of CapEx. */
  public static final double MAINTENANCE_FRACTION_PER_YEAR = 0.05;
  /** CapEx multiplier for infrastructure beyond the devices (2.0-2.5 for a full datacenter). */
  public static final double DEFAULT_INFRA_MULTIPLIER = 1.0;
  /** Carbon price used by the placement optimizer. */
  public static final double CARBON_TAX_PER_TONNE = 100;
  /** Registry grids the placement optimizer compares by default (comma separated). */
  public static final String DEFAULT_PLACEMENT_REGIONS = "US_Avg,Quebec,Iowa";

  // ---- Compression ----
  /** Bits of the baseline format compression is measured against (fp32). */
  public static final double DEFAULT_BASELINE_BITS = 32;
  /** Accuracy change at 16 bits or more. */
  public static final double QUANT_DELTA_16_BIT = 0.0;
  /** Accuracy change at fp8. */
  public static final double QUANT_DELTA_FP8 = -0.002;
  /** Accuracy change at int8. */
  public static final double QUANT_DELTA_INT8 = -0.005;
  /** Accuracy change at 4 to 7 bits. */
  public static final double QUANT_DELTA_4_BIT = -0.025;
  /** Accuracy change below 4 bits. */
  public static final double QUANT_DELTA_BELOW_4_BIT = -0.05;
  /** Sparsity up to which pruning costs only a small fixed accuracy delta. */
  public static final double PRUNING_SAFE_SPARSITY = 0.5;
  /** Accuracy change at or below the safe sparsity. */
  public static final double PRUNING_SAFE_DELTA = -0.001;
  /** Coefficient c of the accuracy change c*exp(k*s) above the safe sparsity. */
  public static final double PRUNING_DELTA_COEFFICIENT = -0.01;
  /** Exponent k of the accuracy change c*exp(k*s). */
  public static final double PRUNING_DELTA_EXPONENT = 2.0;
  /** Cap on the pruning compression ratio. */
  public static final double PRUNING_MAX_RATIO = 100;
  /** How close to 0.5 the sparsity must be for 2:4 sparse speedup. */
  public static final double TWO_FOUR_SPARSITY_TOLERANCE = 0.05;

  // ---- Reliability ----
  /** Mean time to failure of one accelerator (50,000 h). */
  public static final double GPU_MTTF = 50_000 * 3600.0;
  /** Mean time to failure of one NIC (150,000 h). */
  public static final double NIC_MTTF = 150_000 * 3600.0;
  /** Mean time to failure of one power supply (100,000 h). */
  public static final double PSU_MTTF = 100_000 * 3600.0;
  /** NICs per node in the reliability model when the node gives none. */
  public static final int NICS_PER_NODE = 1;
  /** Power supplies per node in the reliability model. */
  public static final int PSUS_PER_NODE = 2;
  /** Correlation factor on fleet MTBF. */
  public static final double FAILURE_CORRELATION = 1.0;
  /** Time delta to write one checkpoint in the reliability model (60 s). */
  public static final double CHECKPOINT_WRITE_TIME = 60;
  /** Time R to restart after a failure (300 s). */
  public static final double RECOVERY_TIME = 300;
  /** Checkpoint interval of the checkpoint model (4 h). */
  public static final double CHECKPOINT_INTERVAL = 4 * 3600.0;
  /** A checkpoint write longer than this flags storage as the bottleneck (60 s). */
  public static final double STORAGE_BOTTLENECK_WRITE_TIME = 60;

  // ---- Responsible engineering ----
  /** Coefficient c of the DP-SGD slowdown 1 + c/epsilon. */
  public static final double DP_SGD_SLOWDOWN_COEFFICIENT = 2.0;
  /** Floor on epsilon in the DP-SGD slowdown. */
  public static final double DP_SGD_MIN_EPSILON = 0.01;
  /** Floor on subgroup prevalence in the data factor. */
  public static final double MIN_PREVALENCE = 1e-6;
  /** Relative perturbation the sensitivity solver applies to each resource. */
  public static final double SENSITIVITY_PERTURBATION = 0.10;
  /** Relative tolerance within which a solver's forward check must reproduce its target. */
  public static final double ROUND_TRIP_TOLERANCE = 1e-9;

  /** The placement regions as a list. */
  public static List<String> placementRegions() {
    return List.of(DEFAULT_PLACEMENT_REGIONS.split(","));
  }

  /** The quantization accuracy table assembled from the constants above. */
  public static final Compression.QuantizationDeltas QUANTIZATION_DELTAS = new Compression.QuantizationDeltas(
      QUANT_DELTA_16_BIT, QUANT_DELTA_FP8, QUANT_DELTA_INT8, QUANT_DELTA_4_BIT, QUANT_DELTA_BELOW_4_BIT);

  private static final List<CalibrationConstant> CATALOGUE = build();

  /** Every constant of this class with its kind, unit and provenance, in declaration order. */
  public static List<CalibrationConstant> catalogue() {
    return CATALOGUE;
  }

  private static List<CalibrationConstant> build() {
    List<CalibrationConstant> l = new ArrayList<>();
    l.add(number("DEFAULT_EFFICIENCY", DEFAULT_EFFICIENCY, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Default achieved fraction of peak compute (eta).", null, "Reference engine default; a typical sustained fraction of dense peak for well-tuned kernels."));
    l.add(number("DEFAULT_SCALING_EFFICIENCY", DEFAULT_SCALING_EFFICIENCY, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Default multi-device scaling efficiency.", null, "Reference engine default."));
    l.add(number("COMM_OVERLAP_EFFICIENCY", COMM_OVERLAP_EFFICIENCY, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Share of data-parallel communication hidden behind compute when overlap is on.", null, "Reference engine default."));
    l.add(number("FRAMEWORK_LAYER_TAX", FRAMEWORK_LAYER_TAX, QuantityKind.TIME, null, SourceKind.HEURISTIC, "Framework overhead per layer and evaluation (0.01 ms).", null, "Reference engine default for eager frameworks."));
    l.add(number("TRAINING_LAYER_TAX_MULTIPLIER", TRAINING_LAYER_TAX_MULTIPLIER, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Layer tax multiplier for a training step (forward plus backward).", null, "Backward costs about twice the forward, so three passes."));
    l.add(number("KERNEL_LAUNCH_LATENCY", KERNEL_LAUNCH_LATENCY, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Latency of one GPU kernel launch (15 us).", null, "Order of magnitude of CUDA launch latency as used by the reference engine."));
    l.add(number("DEFAULT_DISPATCH_TAX", DEFAULT_DISPATCH_TAX, QuantityKind.TIME, null, SourceKind.HEURISTIC, "Per-evaluation dispatch tax when a device gives none (0.01 ms).", null, "Reference engine default of the hardware field."));
    l.add(number("MFU_REFERENCE_EFFICIENCY", MFU_REFERENCE_EFFICIENCY, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Efficiency at which the per-kernel base MFUs below hold; MFU scales with eta over this.", null, "Reference engine normalisation."));
    l.add(number("FLASH_ATTENTION_MFU", FLASH_ATTENTION_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Base MFU of fused (flash) attention.", null, "Reference engine table; consistent with reported FlashAttention utilisation."));
    l.add(number("FLASH_ATTENTION_MFU_CAP", FLASH_ATTENTION_MFU_CAP, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Upper bound of flash-attention MFU.", null, "Reference engine table."));
    l.add(number("ATTENTION_MFU", ATTENTION_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Base MFU of unfused attention.", null, "Reference engine table."));
    l.add(number("FFN_MFU", FFN_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Base MFU of feed-forward GEMMs.", null, "Reference engine table."));
    l.add(number("FFN_MFU_CAP", FFN_MFU_CAP, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Upper bound of feed-forward MFU.", null, "Reference engine table."));
    l.add(number("CONV_MFU", CONV_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Base MFU of convolutions.", null, "Reference engine table."));
    l.add(number("CONV_MFU_CAP", CONV_MFU_CAP, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Upper bound of convolution MFU.", null, "Reference engine table."));
    l.add(number("OTHER_KERNEL_MFU", OTHER_KERNEL_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Base MFU of any other kernel.", null, "Reference engine table."));
    l.add(number("OCCUPANCY_HEADROOM", OCCUPANCY_HEADROOM, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Factor on eta in the occupancy-loss estimate.", null, "Reference engine table."));
    l.add(number("IDLE_POWER_FRACTION", IDLE_POWER_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Share of TDP drawn at zero utilisation.", null, "Reference engine linear power model."));
    l.add(number("DYNAMIC_POWER_FRACTION", DYNAMIC_POWER_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Share of TDP that scales with MFU.", null, "Reference engine linear power model; idle plus dynamic is 1."));
    l.add(number("FALLBACK_TDP", FALLBACK_TDP, QuantityKind.POWER, null, SourceKind.CONVENTION, "TDP assumed for sustainability when a device gives none.", null, "Reference engine fallback (an H100 SXM)."));
    l.add(number("DEFAULT_SUSTAINABILITY_MFU", DEFAULT_SUSTAINABILITY_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "MFU assumed by the sustainability model when none is given (full power).", null, "Reference engine default; a conservative upper bound on energy."));
    l.add(number("FALLBACK_PUE", FALLBACK_PUE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "PUE when neither datacenter nor region gives one.", null, "Reference engine fallback; equals the US_Avg registry grid."));
    l.add(text("DEFAULT_GRID_REGION", DEFAULT_GRID_REGION, SourceKind.CONVENTION, "Registry grid used when a plan names none.", null, "Reference engine default region."));
    l.add(number("ADAM_MOMENT_BYTES_PER_PARAM", ADAM_MOMENT_BYTES_PER_PARAM, QuantityKind.DATA_SIZE, "B/param", SourceKind.LITERATURE, "Rajbhandari et al. 2020, ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", "https://arxiv.org/abs/1910.02054", "Momentum and variance, 4 + 4 bytes (Section 3.1)."));
    l.add(number("SGD_MOMENT_BYTES_PER_PARAM", SGD_MOMENT_BYTES_PER_PARAM, QuantityKind.DATA_SIZE, "B/param", SourceKind.CONVENTION, "SGD momentum per trainable parameter (one fp32 buffer).", null, "One 4-byte buffer per parameter."));
    l.add(number("MASTER_WEIGHT_BYTES_PER_PARAM", MASTER_WEIGHT_BYTES_PER_PARAM, QuantityKind.DATA_SIZE, "B/param", SourceKind.LITERATURE, "Micikevicius et al. 2018, Mixed Precision Training", "https://arxiv.org/abs/1710.03740", "The optimizer updates an fp32 copy of the 16-bit weights; ZeRO counts it with the optimizer state (K = 12 with Adam's moments)."));
    l.add(number("CHECKPOINT_BYTES_PER_PARAM_ADAM", CHECKPOINT_BYTES_PER_PARAM_ADAM, QuantityKind.DATA_SIZE, "B/param", SourceKind.DERIVED, "Checkpoint bytes per parameter with Adam.", null, "2 bytes of fp16 weights plus 12 bytes of Adam state."));
    l.add(number("CHECKPOINT_BYTES_PER_PARAM_SGD", CHECKPOINT_BYTES_PER_PARAM_SGD, QuantityKind.DATA_SIZE, "B/param", SourceKind.CONVENTION, "Checkpoint bytes per parameter with SGD.", null, "Reference engine figure."));
    l.add(number("COMM_BUFFER_FRACTION", COMM_BUFFER_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Communication buffers as a fraction of gradient bytes.", null, "Reference engine default for bucketed all-reduce buffers."));
    l.add(number("LORA_RANK", LORA_RANK, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Adapter rank r assumed for LoRA.", null, "Common LoRA default; reference engine value."));
    l.add(number("LORA_GRADIENT_FRACTION", LORA_GRADIENT_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Share of the gradient bytes a LoRA job all-reduces.", null, "Reference engine approximation."));
    l.add(number("LORA_TRAINING_MEMORY_FACTOR", LORA_TRAINING_MEMORY_FACTOR, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Training footprint over W with LoRA when no parameter count is known.", null, "Reference engine fallback."));
    l.add(number("UNSHAPED_TRAINING_MEMORY_FACTOR", UNSHAPED_TRAINING_MEMORY_FACTOR, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Training footprint over W when no parameter count is known.", null, "Reference engine fallback (weights, gradients, state)."));
    l.add(number("ACTIVATION_TRAFFIC_FRACTION", ACTIVATION_TRAFFIC_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Activation traffic per sample as a fraction of weight bytes (roofline).", null, "Reference engine allowance."));
    l.add(number("DEFAULT_HIDDEN_SIZE", DEFAULT_HIDDEN_SIZE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Hidden size assumed for a transformer without one.", null, "Reference engine default (a Llama-2-7B-sized layer)."));
    l.add(number("DEFAULT_ATTENTION_HEADS", DEFAULT_ATTENTION_HEADS, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Attention heads assumed for a transformer without them.", null, "Reference engine default."));
    l.add(number("DEFAULT_SEQ_LEN", DEFAULT_SEQ_LEN, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Default sequence length in tokens.", null, "Reference engine default."));
    l.add(number("DEFAULT_BATCH", DEFAULT_BATCH, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Default batch size.", null, "Reference engine default."));
    l.add(number("SPECULATIVE_DRAFT_LENGTH", SPECULATIVE_DRAFT_LENGTH, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Draft tokens K proposed per speculative step.", null, "Reference engine default; a common draft length."));
    l.add(number("DRAFT_ACCEPTANCE_RATE", DRAFT_ACCEPTANCE_RATE, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Probability alpha that the target model accepts a draft token.", null, "Reference engine default."));
    l.add(number("DISAGGREGATION_NETWORK_BANDWIDTH", DISAGGREGATION_NETWORK_BANDWIDTH, QuantityKind.DATA_RATE, null, SourceKind.CONVENTION, "Network bandwidth carrying the KV cache from prefill to decode hardware.", null, "Reference engine default (100 GB/s)."));
    l.add(number("KV_PAGE_SIZE_TOKENS", KV_PAGE_SIZE_TOKENS, QuantityKind.DIMENSIONLESS, null, SourceKind.LITERATURE, "Kwon et al. 2023, Efficient Memory Management for LLM Serving with PagedAttention", "https://arxiv.org/abs/2309.06180", "Default block size of vLLM."));
    l.add(number("REASONING_TOKENS_PER_STEP", REASONING_TOKENS_PER_STEP, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Tokens generated per reasoning step.", null, "Reference engine default."));
    l.add(number("DEFAULT_REASONING_STEPS", DEFAULT_REASONING_STEPS, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Reasoning steps K of inference-time scaling.", null, "Reference engine default."));
    l.add(number("DEFAULT_OUTPUT_TOKENS", DEFAULT_OUTPUT_TOKENS, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Output tokens per request for capacity sizing.", null, "Reference engine default."));
    l.add(number("DEFAULT_MAX_BATCH_SIZE", DEFAULT_MAX_BATCH_SIZE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Largest batch per replica for capacity sizing.", null, "Reference engine default."));
    l.add(number("DEFAULT_MAX_REPLICAS", DEFAULT_MAX_REPLICAS, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Largest replica count scanned by capacity sizing.", null, "Reference engine default."));
    l.add(number("BATCHING_MAX_BATCH", BATCHING_MAX_BATCH, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Largest batch the batching optimizer tries.", null, "Reference engine search bound."));
    l.add(number("P50_TAIL", P50_TAIL, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Tail probability q of the median.", null, "Definition of P50."));
    l.add(number("P99_TAIL", P99_TAIL, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Tail probability q of the 99th percentile.", null, "Definition of P99."));
    l.add(number("SLO_HEADROOM_SERVICE_MULTIPLE", SLO_HEADROOM_SERVICE_MULTIPLE, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "P99 wait budget as a multiple of the service time.", null, "Reference engine definition of SLO headroom."));
    l.add(number("WEIGHT_STREAMING_KV_HEADROOM", WEIGHT_STREAMING_KV_HEADROOM, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "SRAM must hold this multiple of the KV cache in weight streaming.", null, "Reference engine margin."));
    l.add(number("FALLBACK_STORAGE_BANDWIDTH", FALLBACK_STORAGE_BANDWIDTH, QuantityKind.DATA_RATE, null, SourceKind.CONVENTION, "Storage bandwidth when a device gives none (1 GB/s).", null, "Reference engine fallback."));
    l.add(number("FALLBACK_INTERCONNECT_BANDWIDTH", FALLBACK_INTERCONNECT_BANDWIDTH, QuantityKind.DATA_RATE, null, SourceKind.CONVENTION, "Interconnect bandwidth when a device gives none (100 GB/s).", null, "Reference engine fallback."));
    l.add(number("FALLBACK_OFFLOAD_BANDWIDTH", FALLBACK_OFFLOAD_BANDWIDTH, QuantityKind.DATA_RATE, null, SourceKind.ESTIMATE, "Host offload bandwidth when a device gives none (64 GB/s).", null, "About one PCIe Gen5 x16 direction."));
    l.add(number("FILESYSTEM_WRITE_LIMIT", FILESYSTEM_WRITE_LIMIT, QuantityKind.DATA_RATE, null, SourceKind.ESTIMATE, "Aggregate checkpoint write limit of the parallel filesystem (500 GB/s).", null, "Reference engine cap for a large parallel filesystem."));
    l.add(number("ALPHA_INTRA_NODE", ALPHA_INTRA_NODE, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Per-step latency alpha of intra-node collectives (500 ns).", null, "NVLink-class hop latency used by the reference engine."));
    l.add(number("DP_BUCKET_BYTES", DP_BUCKET_BYTES, QuantityKind.DATA_SIZE, null, SourceKind.CONVENTION, "PyTorch DistributedDataParallel default bucket_cap_mb = 25", "https://pytorch.org/docs/stable/generated/torch.nn.parallel.DistributedDataParallel.html", "Gradients are reduced in buckets as the backward pass produces them; the last bucket's reduction starts after the backward ends."));
    l.add(number("GEMM_EFFICIENCY_MAX", GEMM_EFFICIENCY_MAX, QuantityKind.DIMENSIONLESS, null, SourceKind.DERIVED, "Fitted to Narayanan et al. 2021, Table 1 (weak scaling, A100 80GB, Selene)", null, "FITTED: jointly with GEMM_FIXED_TIME and ELEMENTWISE_PASSES by a grid search (steps 0.01, 2 us, 0.5) minimising the mean absolute error of the predicted per-GPU throughput over the 10 rows of configs/validation/narayanan2021-weak-scaling.yaml: mean 2.6 %, max 6.1 %; leave-one-out mean 3.2 %, max 6.3 % (docs/fleet-models.md, Validation)."));
    l.add(number("GEMM_FIXED_TIME", GEMM_FIXED_TIME, QuantityKind.TIME, null, SourceKind.DERIVED, "Fitted to Narayanan et al. 2021, Table 1 (weak scaling, A100 80GB, Selene)", null, "FITTED: per-GEMM fixed time t0 of the efficiency curve, fitted with GEMM_EFFICIENCY_MAX and ELEMENTWISE_PASSES on the 10 rows of configs/validation/narayanan2021-weak-scaling.yaml; about one kernel launch, so the A100 reaches 64-67 % of peak on the per-rank GEMMs of those runs."));
    l.add(number("ELEMENTWISE_PASSES", ELEMENTWISE_PASSES, QuantityKind.DIMENSIONLESS, null, SourceKind.DERIVED, "Fitted to Narayanan et al. 2021, Table 1 (weak scaling, A100 80GB, Selene)", null, "FITTED: how many times memory-bound kernels (layer norm, softmax, dropout, GeLU, residual adds) stream a layer's activation bytes (Korthikanti et al. 2022 sizes) through HBM per forward and backward; fitted with the GEMM curve on the 10 rows of configs/validation/narayanan2021-weak-scaling.yaml."));
    l.add(number("ALPHA_INTER_NODE", ALPHA_INTER_NODE, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Per-step latency alpha of inter-node collectives (5 us).", null, "InfiniBand/RoCE-class latency including software, reference engine value."));
    l.add(number("DEFAULT_CONGESTION_FACTOR", DEFAULT_CONGESTION_FACTOR, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Multiplier on communication time for congestion.", null, "Neutral default."));
    l.add(number("DEFAULT_STRAGGLER_FACTOR", DEFAULT_STRAGGLER_FACTOR, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Multiplier on step time for stragglers.", null, "Neutral default."));
    l.add(number("DEFAULT_MOE_IMBALANCE", DEFAULT_MOE_IMBALANCE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Multiplier on expert load for routing imbalance.", null, "Neutral default (perfect balance)."));
    l.add(number("PARALLELISM_MEMORY_SCREEN_FRACTION", PARALLELISM_MEMORY_SCREEN_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Share of HBM a parallelism candidate may fill in the optimizer's screen.", null, "Reference engine screen."));
    l.add(number("DEFAULT_TOPOLOGY_NODES", DEFAULT_TOPOLOGY_NODES, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Nodes assumed by the topology model.", null, "Reference engine default."));
    l.add(number("DRAGONFLY_BISECTION_FRACTION", DRAGONFLY_BISECTION_FRACTION, QuantityKind.DIMENSIONLESS, null, SourceKind.ESTIMATE, "Bisection fraction of a dragonfly network.", null, "Reference engine value."));
    l.add(number("FAT_TREE_AVERAGE_HOPS", FAT_TREE_AVERAGE_HOPS, QuantityKind.DIMENSIONLESS, null, SourceKind.ESTIMATE, "Average hops in a fat tree.", null, "Reference engine value (three-tier tree)."));
    l.add(number("DRAGONFLY_AVERAGE_HOPS", DRAGONFLY_AVERAGE_HOPS, QuantityKind.DIMENSIONLESS, null, SourceKind.ESTIMATE, "Average hops in a dragonfly.", null, "Reference engine value (local, global, local)."));
    l.add(number("CHINCHILLA_TOKENS_PER_PARAM", CHINCHILLA_TOKENS_PER_PARAM, QuantityKind.DIMENSIONLESS, null, SourceKind.LITERATURE, "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models", "https://arxiv.org/abs/2203.15556", "Approximate ratio from the Chinchilla fits."));
    l.add(number("REFERENCE_PEAK_FLOPS", REFERENCE_PEAK_FLOPS, QuantityKind.COMPUTE_RATE, null, SourceKind.DATASHEET, "NVIDIA H100 Tensor Core GPU datasheet (SXM5), dense BF16", "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet", null));
    l.add(number("REFERENCE_MFU", REFERENCE_MFU, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "MFU assumed when converting GPU-days to FLOP.", null, "Typical large-scale training MFU."));
    l.add(number("DEFAULT_ELECTRICITY_PRICE", DEFAULT_ELECTRICITY_PRICE, QuantityKind.ENERGY_PRICE, null, SourceKind.ESTIMATE, "Electricity price when neither plan, grid nor datacenter gives one.", null, "Round figure near the US average commercial rate."));
    l.add(number("YEAR", YEAR, QuantityKind.TIME, null, SourceKind.CONVENTION, "Length of a year for amortisation and maintenance (365 days).", null, "Calendar convention."));
    l.add(number("AMORTIZATION_PERIOD", AMORTIZATION_PERIOD, QuantityKind.TIME, null, SourceKind.CONVENTION, "Straight-line amortisation period of hardware (3 years).", null, "Common accounting life of servers; reference engine value."));
    l.add(number("MAINTENANCE_FRACTION_PER_YEAR", MAINTENANCE_FRACTION_PER_YEAR, QuantityKind.DIMENSIONLESS, null, SourceKind.ESTIMATE, "Yearly maintenance as a fraction of CapEx.", null, "Reference engine value."));
    l.add(number("DEFAULT_INFRA_MULTIPLIER", DEFAULT_INFRA_MULTIPLIER, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "CapEx multiplier for infrastructure beyond the devices (2.0-2.5 for a full datacenter).", null, "Devices only by default."));
    l.add(number("CARBON_TAX_PER_TONNE", CARBON_TAX_PER_TONNE, QuantityKind.MONEY, "USD/t", SourceKind.ESTIMATE, "Carbon price used by the placement optimizer.", null, "Round figure within the range of current carbon prices."));
    l.add(text("DEFAULT_PLACEMENT_REGIONS", DEFAULT_PLACEMENT_REGIONS, SourceKind.CONVENTION, "Registry grids the placement optimizer compares by default (comma separated).", null, "Reference engine default: an average, a hydro and a wind-heavy grid."));
    l.add(number("DEFAULT_BASELINE_BITS", DEFAULT_BASELINE_BITS, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Bits of the baseline format compression is measured against (fp32).", null, "Reference engine default."));
    l.add(number("QUANT_DELTA_16_BIT", QUANT_DELTA_16_BIT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change at 16 bits or more.", null, "Reference engine table."));
    l.add(number("QUANT_DELTA_FP8", QUANT_DELTA_FP8, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change at fp8.", null, "Reference engine table."));
    l.add(number("QUANT_DELTA_INT8", QUANT_DELTA_INT8, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change at int8.", null, "Reference engine table."));
    l.add(number("QUANT_DELTA_4_BIT", QUANT_DELTA_4_BIT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change at 4 to 7 bits.", null, "Reference engine table."));
    l.add(number("QUANT_DELTA_BELOW_4_BIT", QUANT_DELTA_BELOW_4_BIT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change below 4 bits.", null, "Reference engine table."));
    l.add(number("PRUNING_SAFE_SPARSITY", PRUNING_SAFE_SPARSITY, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Sparsity up to which pruning costs only a small fixed accuracy delta.", null, "Reference engine table."));
    l.add(number("PRUNING_SAFE_DELTA", PRUNING_SAFE_DELTA, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Accuracy change at or below the safe sparsity.", null, "Reference engine table."));
    l.add(number("PRUNING_DELTA_COEFFICIENT", PRUNING_DELTA_COEFFICIENT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Coefficient c of the accuracy change c*exp(k*s) above the safe sparsity.", null, "Reference engine table."));
    l.add(number("PRUNING_DELTA_EXPONENT", PRUNING_DELTA_EXPONENT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Exponent k of the accuracy change c*exp(k*s).", null, "Reference engine table."));
    l.add(number("PRUNING_MAX_RATIO", PRUNING_MAX_RATIO, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Cap on the pruning compression ratio.", null, "Reference engine cap."));
    l.add(number("TWO_FOUR_SPARSITY_TOLERANCE", TWO_FOUR_SPARSITY_TOLERANCE, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "How close to 0.5 the sparsity must be for 2:4 sparse speedup.", null, "Our choice: the reference says only 'near 0.5'."));
    l.add(number("GPU_MTTF", GPU_MTTF, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Mean time to failure of one accelerator (50,000 h).", null, "Reference engine figure for datacenter GPUs."));
    l.add(number("NIC_MTTF", NIC_MTTF, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Mean time to failure of one NIC (150,000 h).", null, "Reference engine figure."));
    l.add(number("PSU_MTTF", PSU_MTTF, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Mean time to failure of one power supply (100,000 h).", null, "Reference engine figure."));
    l.add(number("NICS_PER_NODE", NICS_PER_NODE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "NICs per node in the reliability model when the node gives none.", null, "Reference engine default."));
    l.add(number("PSUS_PER_NODE", PSUS_PER_NODE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Power supplies per node in the reliability model.", null, "Reference engine default (redundant pair counted in series)."));
    l.add(number("FAILURE_CORRELATION", FAILURE_CORRELATION, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Correlation factor on fleet MTBF.", null, "Independent failures by default."));
    l.add(number("CHECKPOINT_WRITE_TIME", CHECKPOINT_WRITE_TIME, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Time delta to write one checkpoint in the reliability model (60 s).", null, "Reference engine default."));
    l.add(number("RECOVERY_TIME", RECOVERY_TIME, QuantityKind.TIME, null, SourceKind.ESTIMATE, "Time R to restart after a failure (300 s).", null, "Reference engine default."));
    l.add(number("CHECKPOINT_INTERVAL", CHECKPOINT_INTERVAL, QuantityKind.TIME, null, SourceKind.CONVENTION, "Checkpoint interval of the checkpoint model (4 h).", null, "Reference engine default."));
    l.add(number("STORAGE_BOTTLENECK_WRITE_TIME", STORAGE_BOTTLENECK_WRITE_TIME, QuantityKind.TIME, null, SourceKind.HEURISTIC, "A checkpoint write longer than this flags storage as the bottleneck (60 s).", null, "Reference engine threshold."));
    l.add(number("DP_SGD_SLOWDOWN_COEFFICIENT", DP_SGD_SLOWDOWN_COEFFICIENT, QuantityKind.DIMENSIONLESS, null, SourceKind.HEURISTIC, "Coefficient c of the DP-SGD slowdown 1 + c/epsilon.", null, "Reference engine approximation of per-example clipping cost."));
    l.add(number("DP_SGD_MIN_EPSILON", DP_SGD_MIN_EPSILON, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Floor on epsilon in the DP-SGD slowdown.", null, "Guard against division by zero."));
    l.add(number("MIN_PREVALENCE", MIN_PREVALENCE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Floor on subgroup prevalence in the data factor.", null, "Guard against division by zero."));
    l.add(number("SENSITIVITY_PERTURBATION", SENSITIVITY_PERTURBATION, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Relative perturbation the sensitivity solver applies to each resource.", null, "Reference engine value (+10 %)."));
    l.add(number("ROUND_TRIP_TOLERANCE", ROUND_TRIP_TOLERANCE, QuantityKind.DIMENSIONLESS, null, SourceKind.CONVENTION, "Relative tolerance within which a solver's forward check must reproduce its target.", null, "Room for a few ulps of double rounding in one inversion and one forward evaluation."));
    return Collections.unmodifiableList(l);
  }

  private static Provenance source(String field, SourceKind kind, String ref, String url, String notes) {
    return new Provenance(id(field), kind, ref, url, null, notes);
  }

  private static String id(String field) {
    return "calibration/" + field.toLowerCase(java.util.Locale.ROOT);
  }

  private static CalibrationConstant number(String field, double value, QuantityKind kind, String unit,
      SourceKind sk, String ref, String url, String notes) {
    return new CalibrationConstant(id(field), field, value, null, kind, unit, source(field, sk, ref, url, notes));
  }

  private static CalibrationConstant text(String field, String value, SourceKind sk, String ref, String url,
      String notes) {
    return new CalibrationConstant(id(field), field, Double.NaN, value, QuantityKind.DIMENSIONLESS, "",
        source(field, sk, ref, url, notes));
  }

  /** Looks a constant up by field name or id; an unknown name is an error listing close names. */
  public static CalibrationConstant get(String nameOrId) {
    for (CalibrationConstant c : CATALOGUE) {
      if (c.field().equalsIgnoreCase(nameOrId) || c.id().equalsIgnoreCase(nameOrId)) {
        return c;
      }
    }
    String[] names = CATALOGUE.stream().map(CalibrationConstant::field).toArray(String[]::new);
    throw new IllegalArgumentException("calibration: unknown constant '" + nameOrId + "'; known: "
        + Arrays.toString(names));
  }
}
