package io.mlsysim.optimizers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Optimizer;
import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.models.FleetPorts;
import io.mlsysim.systems.Fleet;
import io.mlsysim.training.MemoryTerms;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.terms.OptimizerMemory;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.Locale;
import java.util.Map;

/**
 * The tensor- and pipeline-parallel split of a training job on a fleet with the highest fleet
 * MFU. TP and PP range over powers of two (TP within a node), tp·pp must divide the accelerator
 * count and dp = N/(tp·pp). A cheap memory screen, (weights + gradients + optimizer state)/(tp·pp)
 * ≤ 0.9·HBM with the training defaults (18 bytes per parameter in mixed precision), removes splits
 * whose state alone cannot fit; every survivor is scored by {@link DistributedModel} with the
 * data-parallel reduction overlapped, and must also pass that model's real per-rank memory check.
 *
 * <p>The objective is DistributedModel's fleet MFU (model FLOPs per step over the fleet's peak),
 * not the reference's scaling efficiency × η: the latter misses that a split changes each rank's
 * GEMM sizes and so the efficiency its kernels reach.
 */
public final class ParallelismOptimizer extends Optimizer<SearchResult> {

  public static final Port<Integer> TOP_K = Port.count("top_k").withDefault(5).positive()
      .describedAs("how many ranked candidates to return");
  public static final Port<Integer> BEST_TP = Port.count("tp").describedAs("winning tensor-parallel degree");
  public static final Port<Integer> BEST_PP = Port.count("pp").describedAs("winning pipeline-parallel degree");
  public static final Port<Integer> BEST_DP = Port.count("best_dp").describedAs("winning data-parallel degree");
  public static final Port<Double> BEST_MFU = Port.number("best_mfu").describedAs("fleet MFU of the winner");
  public static final Port<Double> BEST_STEP_LATENCY = Port.quantity("best_step_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> BEST_SCALING_EFFICIENCY = Port.number("best_scaling_efficiency");

  static final String NOT_DIVIDING = "tp·pp does not divide the accelerator count";
  static final String TOO_DEEP = "pp exceeds the layer count";
  static final String SCREEN = "memory screen (weights + gradients + optimizer state)/(tp·pp) > 0.9·HBM";
  static final String REFUSED = "refused by DistributedModel";
  static final String RANK_MEMORY = "per-rank training memory exceeds HBM (DistributedModel)";

  public ParallelismOptimizer() {
    super(Schema.optimizer("ParallelismOptimizer")
        .describedAs("TP × PP × DP split of a training job with the highest fleet MFU")
        .requires(CommonPorts.WORKLOAD, CommonPorts.FLEET, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
            CommonPorts.PRECISION, CommonPorts.MICROBATCH_SIZE, TOP_K)
        .produces(BEST_TP, BEST_PP, BEST_DP, BEST_MFU, BEST_STEP_LATENCY, BEST_SCALING_EFFICIENCY,
            SearchResult.RANKED, SearchResult.FEASIBLE_COUNT, SearchResult.SCREENED_COUNT)
        .objective(QuantityKind.DIMENSIONLESS, Schema.Goal.MAXIMIZE)
        .walls(14)
        .fallacy("More tensor parallelism is always faster",
            "Each TP degree adds all-reduces per layer; past the node boundary they cross the fabric")
        .build());
  }

  @Override
  public SearchResult evaluate(Inputs in) {
    return optimize(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.FLEET), in.getInt(CommonPorts.BATCH),
        in.getInt(CommonPorts.SEQ_LEN), in.get(CommonPorts.PRECISION),
        in.getInt(CommonPorts.MICROBATCH_SIZE), in.getInt(TOP_K), CandidateEvaluator.LOCAL);
  }

  /** The (tp, pp) grid in search order: tp outer, pp inner, both powers of two. */
  static int[][] grid(Fleet fleet) {
    int gpn = fleet.acceleratorsPerNode();
    int n = fleet.totalAccelerators();
    int tps = 0;
    for (int tp = 1; tp <= gpn; tp <<= 1) {
      tps++;
    }
    int pps = 0;
    for (int pp = 1; pp <= n; pp <<= 1) {
      pps++;
    }
    int[][] g = new int[tps * pps][];
    int k = 0;
    for (int tp = 1; tp <= gpn; tp <<= 1) {
      for (int pp = 1; pp <= n; pp <<= 1) {
        g[k++] = new int[] {tp, pp};
      }
    }
    return g;
  }

  /** Direct call; {@code evaluator} decides where the surviving candidates are scored. */
  public SearchResult optimize(Workload workload, Fleet fleet, int batch, int seqLen, Precision precision,
      int microbatchSize, int topK, CandidateEvaluator evaluator) {
    if (!workload.hasParameters()) {
      throw new InvalidInputException(CommonPorts.WORKLOAD.name(), "input 'workload' (" + workload.name()
          + ") has no parameter count, which the memory screen needs");
    }
    int n = fleet.totalAccelerators();
    double params = workload.parameters();
    double screenBytes = params * stateBytesPerParam(workload, precision);
    double hbm = fleet.accelerator().memory().capacity();
    int[][] grid = grid(fleet);
    Ranking ranking = new Ranking(true, NOT_DIVIDING, TOO_DEEP, SCREEN, REFUSED, RANK_MEMORY);
    ranking.considered(grid.length);

    // 1. screens: cheap arithmetic, no model call
    int[] survivors = new int[grid.length];
    int count = 0;
    for (int i = 0; i < grid.length; i++) {
      int tp = grid[i][0];
      int pp = grid[i][1];
      if (n % (tp * pp) != 0) {
        ranking.drop(NOT_DIVIDING);
      } else if (workload.layers() > 0 && pp > workload.layers()) {
        ranking.drop(TOO_DEEP);
      } else if (screenBytes / (tp * pp) > Calibration.PARALLELISM_MEMORY_SCREEN_FRACTION * hbm) {
        ranking.drop(SCREEN);
      } else {
        survivors[count++] = i;
      }
    }

    // 2. evaluation: one compiled pipeline, one frame per evaluator thread
    CompiledPipeline plan = Pipeline.of(new DistributedModel()).compiled();
    final int width = 5;
    double[] scores = new double[Math.max(1, count) * width];
    String[] errors = new String[Math.max(1, count)];
    final int c = count;
    evaluator.evaluate(plan, c, new CandidateEvaluator.FrameScorer() {
      @Override
      public void prepare(Frame f) {
        f.set(CommonPorts.WORKLOAD, workload).set(CommonPorts.FLEET, fleet).set(CommonPorts.PRECISION, precision)
            .setInt(CommonPorts.BATCH, batch).setInt(CommonPorts.SEQ_LEN, seqLen)
            .setInt(CommonPorts.MICROBATCH_SIZE, microbatchSize)
            .setFlag(FleetPorts.OVERLAP_COMM, true);
      }

      @Override
      public void load(int k, Frame f) {
        int[] tpPp = grid[survivors[k]];
        f.setInt(CommonPorts.TP, tpPp[0]);
        f.setInt(CommonPorts.PP, tpPp[1]);
      }

      @Override
      public void read(Frame f, double[] out, int o) {
        out[o] = f.getDouble(DistributedModel.MFU);
        out[o + 1] = f.getFlag(DistributedModel.MEMORY_FEASIBLE) ? 1 : 0;
        out[o + 2] = f.getDouble(DistributedModel.STEP_LATENCY);
        out[o + 3] = f.getDouble(DistributedModel.SCALING_EFFICIENCY);
        out[o + 4] = f.getInt(DistributedModel.DP_OUT);
      }
    }, width, scores, errors);

    // 3. ranking
    for (int k = 0; k < c; k++) {
      int o = k * width;
      if (Double.isNaN(scores[o])) {
        ranking.drop(REFUSED);
      } else if (scores[o + 1] == 0) {
        ranking.drop(RANK_MEMORY);
      } else {
        int[] tpPp = grid[survivors[k]];
        ranking.accept(Map.of("tp", tpPp[0], "pp", tpPp[1], "dp", (int) scores[o + 4]), scores[o],
            Map.of("step_latency", scores[o + 2], "scaling_efficiency", scores[o + 3]));
      }
    }
    return ranking.result("fleet MFU", ParallelismOptimizer::pct, topK,
        "per-rank memory: splits below tp·pp = " + minFitting(screenBytes, hbm) + " fail the memory screen",
        (r, out) -> {
          SearchResult.Candidate b = r.best();
          out.putInt(BEST_TP, (Integer) b.config().get("tp"));
          out.putInt(BEST_PP, (Integer) b.config().get("pp"));
          out.putInt(BEST_DP, (Integer) b.config().get("dp"));
          out.putDouble(BEST_MFU, b.objective());
          out.putDouble(BEST_STEP_LATENCY, (Double) b.metrics().get("step_latency"));
          out.putDouble(BEST_SCALING_EFFICIENCY, (Double) b.metrics().get("scaling_efficiency"));
        },
        CommonPorts.FLEET.name(), "no TP × PP split of " + workload.name() + " fits on " + fleet.name());
  }

  /**
   * Weights, gradients and optimizer state per parameter with the training defaults and no
   * sharding, as {@link MemoryTerms} counts them: what tp·pp must divide before activations and
   * buffers are added. A workload or precision the training job refuses screens at 0, so
   * DistributedModel refuses it with its own reason.
   */
  private static double stateBytesPerParam(Workload workload, Precision precision) {
    try {
      TrainingJob job = TrainingJob.of(workload).precision(precision).build();
      return StepContext.storageBytes(precision) + job.gradientPrecision().bytes()
          + OptimizerMemory.bytesPerParam(job);
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private static int minFitting(double screenBytes, double hbm) {
    int s = 1;
    while (screenBytes / s > Calibration.PARALLELISM_MEMORY_SCREEN_FRACTION * hbm && s < (1 << 30)) {
      s <<= 1;
    }
    return s;
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * x);
  }
}
