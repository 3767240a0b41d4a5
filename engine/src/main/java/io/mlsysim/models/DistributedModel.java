package io.mlsysim.models;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.systems.Fleet;
import io.mlsysim.training.GroupLink;
import io.mlsysim.training.MemoryTerms;
import io.mlsysim.training.StepOptions;
import io.mlsysim.training.StepTerm;
import io.mlsysim.training.StepTerms;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingStep;
import io.mlsysim.training.terms.DataParallelComm;
import io.mlsysim.training.terms.ExpertComm;
import io.mlsysim.training.terms.PipelineBubble;
import io.mlsysim.training.terms.PipelineComm;
import io.mlsysim.training.terms.TensorParallelComm;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.TransformerWorkload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One optimizer step of a transformer on a fleet with data, tensor, sequence, pipeline and
 * expert parallelism (wall 14), composed from the terms of {@code io.mlsysim.training}: the job's
 * layout is derived once, each group is placed on the link it crosses, and every registered time
 * and memory term becomes a result column. See docs/fleet-models.md for each term's formula and
 * source, and the validation against published measurements.
 */
public final class DistributedModel extends Model<DistributedModel.DistributedResult> {

  public static final Port<Double> SCALING_EFFICIENCY = Port.number("scaling_efficiency")
      .describedAs("per-rank compute time over step time");
  public static final Port<Double> EFFECTIVE_THROUGHPUT =
      Port.quantity("effective_throughput", QuantityKind.RATE).describedAs("fleet samples per second");
  public static final Port<Double> DP_COMM_LATENCY = DataParallelComm.PORT;
  public static final Port<Double> TP_COMM_LATENCY = TensorParallelComm.PORT;
  public static final Port<Double> PP_COMM_LATENCY = PipelineComm.PORT;
  public static final Port<Double> EP_COMM_LATENCY = ExpertComm.PORT;
  public static final Port<Double> BUBBLE_LATENCY = PipelineBubble.PORT;
  public static final Port<Double> COMM_LATENCY = Port.quantity("comm_latency", QuantityKind.TIME, "ms")
      .describedAs("exposed communication per step (all groups, after congestion and overlap)");
  public static final Port<Double> BUBBLE_FRACTION = Port.number("bubble_fraction")
      .describedAs("share of the pipeline schedule in fill and drain, (p-1)/(v*m+p-1)");
  public static final Port<Double> STEP_LATENCY = Port.quantity("step_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> RANK_COMPUTE_LATENCY =
      Port.quantity("rank_compute_latency", QuantityKind.TIME, "ms").describedAs("the busiest rank's compute per step");
  public static final Port<Integer> DP_OUT = Port.count("dp").describedAs("data-parallel degree N/(tp·pp)");
  public static final Port<Integer> MICROBATCHES_OUT = Port.count("microbatches")
      .describedAs("micro-batches per pipeline per step, batch/(dp·microbatch_size)");
  public static final Port<Double> GEMM_EFFICIENCY = Port.number("gemm_efficiency")
      .describedAs("achieved fraction of peak of the rank's GEMMs (calibrated curve of GEMM size)");
  public static final Port<Double> MEMORY_PER_RANK = Port.quantity("memory_per_rank", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> RANK_MEMORY_UTILIZATION = Port.number("rank_memory_utilization");
  public static final Port<Boolean> MEMORY_FEASIBLE = Port.flag("memory_feasible");
  public static final Port<Double> MFU = FleetPorts.MFU;
  /** The fleet's accelerator, so per-device stages downstream see the same chip. */
  public static final Port<HardwareNode> HARDWARE_OUT = Port.object("hardware", HardwareNode.class)
      .describedAs("the fleet's accelerator");

  /** The evaluated step and the summary the result columns need. */
  public static final class DistributedResult implements Result {
    private final TrainingStep step;

    DistributedResult(TrainingStep step) {
      this.step = step;
    }

    /** The whole evaluation: layout, placement, every term. */
    public TrainingStep step() { return step; }
    public double stepLatency() { return step.stepTime; }
    public double rankComputeLatency() { return step.computeTime; }
    public double commLatency() { return step.communicationTime; }
    public double scalingEfficiency() { return step.scalingEfficiency(); }
    public double effectiveThroughput() { return step.throughput(); }
    public double bubbleFraction() { return step.bubbleFraction(); }
    public double mfu() { return step.mfu(); }
    public int dp() { return step.layout.job().dp(); }
    public int microbatches() { return step.layout.microbatches(); }
    public double memoryPerRank() { return step.memoryPerRank; }
    public double rankMemoryUtilization() { return step.memoryPerRank / step.capacity; }
    public boolean memoryFeasible() { return step.fits(); }
    public double gemmEfficiency() { return step.context.efficiency; }

    /** Seconds of one time term, by its port. */
    public double time(Port<Double> term) {
      return step.times[StepTerms.indexOf(term)];
    }

    public double dpCommLatency() { return time(DP_COMM_LATENCY); }
    public double tpCommLatency() { return time(TP_COMM_LATENCY); }
    public double ppCommLatency() { return time(PP_COMM_LATENCY); }
    public double epCommLatency() { return time(EP_COMM_LATENCY); }
    public double bubbleLatency() { return time(BUBBLE_LATENCY); }

    @Override
    public void export(Outputs out) {
      out.putDouble(SCALING_EFFICIENCY, step.scalingEfficiency());
      out.putDouble(EFFECTIVE_THROUGHPUT, step.throughput());
      out.putDouble(COMM_LATENCY, step.communicationTime);
      out.putDouble(BUBBLE_FRACTION, step.bubbleFraction());
      out.putDouble(STEP_LATENCY, step.stepTime);
      out.putDouble(RANK_COMPUTE_LATENCY, step.computeTime);
      out.putInt(DP_OUT, dp());
      out.putInt(MICROBATCHES_OUT, step.layout.microbatches());
      out.putDouble(GEMM_EFFICIENCY, step.context.efficiency);
      out.putDouble(MEMORY_PER_RANK, step.memoryPerRank);
      out.putDouble(RANK_MEMORY_UTILIZATION, rankMemoryUtilization());
      out.putFlag(MEMORY_FEASIBLE, step.fits());
      out.putDouble(MFU, step.mfu());
      out.put(HARDWARE_OUT, step.fleet.accelerator());
      double[] times = step.times;
      for (int i = 0; i < times.length; i++) {
        out.putDouble(StepTerms.port(i), times[i]);
      }
      double[] memory = step.memory;
      for (int i = 0; i < memory.length; i++) {
        out.putDouble(MemoryTerms.port(i), memory[i]);
      }
    }

    @Override
    public List<String> trace() {
      TrainingJob j = step.layout.job();
      Fleet fleet = step.fleet;
      List<String> t = new ArrayList<>();
      t.add("parallelism: dp " + j.dp() + " × tp " + j.tp() + " × pp " + j.pp() + " = " + fleet.totalAccelerators()
          + " " + fleet.accelerator().name() + " (" + fleet.acceleratorsPerNode() + " per node)"
          + (j.ep() > 1 ? ", ep " + j.ep() + " inside dp" : "") + (j.sequenceParallel() ? ", sequence parallel" : "")
          + "; " + step.layout.microbatches() + " micro-batches of " + j.microbatchSize() + " per step"
          + (j.interleave() > 1 ? ", interleave " + j.interleave() : ""));
      t.add("Memory Wall: " + (step.fits() ? "Passed (" : "FAILED (") + TrainingMemoryModel.gb(step.memoryPerRank)
          + " of " + TrainingMemoryModel.gb(step.capacity) + " per rank)");
      t.add(String.format(Locale.ROOT, "GEMM efficiency %.1f%% of peak at this rank's matrix sizes",
          100 * step.context.efficiency));
      List<StepTerm> terms = StepTerms.all();
      for (int i = 0; i < terms.size(); i++) {
        if (step.times[i] > 0) {
          t.add(terms.get(i).port().name().replace("_latency", "") + " " + ms(step.times[i])
              + route(terms.get(i).port()));
        }
      }
      t.add("Communication Wall: step " + ms(step.stepTime) + ", rank compute " + ms(step.computeTime)
          + String.format(Locale.ROOT, ", scaling efficiency %.1f%%, fleet MFU %.1f%%",
              100 * step.scalingEfficiency(), 100 * step.mfu()));
      return t;
    }

    private String route(Port<Double> term) {
      GroupLink g = term == TP_COMM_LATENCY ? step.placement.tp() : term == EP_COMM_LATENCY ? step.placement.ep()
          : term == PP_COMM_LATENCY ? step.placement.pp() : term == DP_COMM_LATENCY ? step.placement.dp() : null;
      if (g == null) {
        return "";
      }
      Fleet f = step.fleet;
      return switch (g.route()) {
        case NONE -> "";
        case INTRA_NODE -> " (inside a node, " + Display.format(g.intraBandwidth(), QuantityKind.DATA_RATE)
            + " per direction)";
        case HIERARCHICAL -> " (inside the node, then across " + g.nodes() + " nodes on " + f.fabric().name() + ")";
        case FABRIC -> " (across nodes on " + f.fabric().name() + ", "
            + Display.format(g.fabricBandwidth(), QuantityKind.DATA_RATE) + " per rank)";
      };
    }

    private static String ms(double s) {
      return Display.format(s, QuantityKind.TIME);
    }

    @Override
    public String toString() {
      return "DistributedResult[step=" + step.stepTime + " s, scaling=" + step.scalingEfficiency() + ", mfu="
          + step.mfu() + "]";
    }
  }

  /** The ports every training model that takes a job's shape requires. */
  static final Port<?>[] JOB_PORTS = {CommonPorts.WORKLOAD, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
      CommonPorts.MICROBATCH_SIZE, CommonPorts.PRECISION, FleetPorts.GRADIENT_PRECISION, CommonPorts.TP,
      CommonPorts.PP, CommonPorts.EP, FleetPorts.SEQUENCE_PARALLEL, FleetPorts.INTERLEAVE, CommonPorts.ZERO_STAGE,
      FleetPorts.OPTIMIZER, FleetPorts.CHECKPOINTING, CommonPorts.FLASH_ATTENTION, FleetPorts.LORA, FleetPorts.TRAINABLE_FRACTION,
      FleetPorts.COMM_BUFFER_FRACTION};

  public DistributedModel() {
    super(Schema.model("DistributedModel")
        .describedAs("Training step on a fleet with DP/TP/SP/PP/EP: per-term compute, communication on the links "
            + "each group crosses, pipeline bubble, ZeRO, per-rank memory")
        .requires(CommonPorts.FLEET)
        .requires(JOB_PORTS)
        .requires(FleetPorts.OVERLAP_COMM, FleetPorts.OVERLAP_EFFICIENCY, FleetPorts.CONGESTION_FACTOR,
            FleetPorts.STRAGGLER_FACTOR, FleetPorts.MOE_IMBALANCE)
        .produces(SCALING_EFFICIENCY, EFFECTIVE_THROUGHPUT, COMM_LATENCY, BUBBLE_FRACTION, STEP_LATENCY,
            RANK_COMPUTE_LATENCY, DP_OUT, MICROBATCHES_OUT, GEMM_EFFICIENCY, MEMORY_PER_RANK, RANK_MEMORY_UTILIZATION,
            MEMORY_FEASIBLE, MFU, HARDWARE_OUT)
        .produces(StepTerms.ports())
        .produces(MemoryTerms.ports())
        .walls(14)
        .fallacy("Doubling the GPUs halves the step time",
            "Collectives, the pipeline bubble and stragglers grow with the fleet; scaling efficiency falls")
        .build());
  }

  /**
   * The job's shape from a pipeline's inputs; dp comes from {@code dp} (the fleet's, or an input).
   * Built with the record's constructor, which checks every field as the builder's does: this
   * runs once per candidate, and the builder would be a second 18-field object each time.
   */
  static TrainingJob job(Inputs in, int dp) {
    TransformerWorkload w = TrainingJob.transformer(in.get(CommonPorts.WORKLOAD));
    double trainable = in.getFlag(FleetPorts.LORA) ? TrainingJob.loraFraction(w)
        : in.getDouble(FleetPorts.TRAINABLE_FRACTION);
    return new TrainingJob(w, in.getInt(CommonPorts.BATCH), in.getInt(CommonPorts.SEQ_LEN),
        in.getInt(CommonPorts.MICROBATCH_SIZE), dp, in.getInt(CommonPorts.TP), in.getInt(CommonPorts.PP),
        in.getInt(CommonPorts.EP), in.getFlag(FleetPorts.SEQUENCE_PARALLEL), in.getInt(FleetPorts.INTERLEAVE),
        in.get(CommonPorts.PRECISION), in.get(FleetPorts.GRADIENT_PRECISION), in.getInt(CommonPorts.ZERO_STAGE),
        in.get(FleetPorts.OPTIMIZER), in.get(FleetPorts.CHECKPOINTING), in.getFlag(CommonPorts.FLASH_ATTENTION),
        trainable, in.getDouble(FleetPorts.COMM_BUFFER_FRACTION));
  }

  @Override
  public DistributedResult evaluate(Inputs in) {
    StepOptions options = new StepOptions(in.getFlag(FleetPorts.OVERLAP_COMM),
        in.getDouble(FleetPorts.OVERLAP_EFFICIENCY), in.getDouble(FleetPorts.CONGESTION_FACTOR),
        in.getDouble(FleetPorts.STRAGGLER_FACTOR), in.getDouble(FleetPorts.MOE_IMBALANCE));
    Fleet fleet = in.get(CommonPorts.FLEET);
    int tp = in.getInt(CommonPorts.TP);
    int pp = in.getInt(CommonPorts.PP);
    // dp first, so the job is built (and checked) once, already shaped for this fleet; degrees that
    // do not divide the fleet leave dp 1 here, so bad input is refused before the shape is judged
    int n = fleet.totalAccelerators();
    long model = (long) tp * pp;
    int dp = tp > 0 && pp > 0 && model <= n && n % model == 0 ? (int) (n / model) : 1;
    return solve(job(in, dp), fleet, options);
  }

  /** Direct Java call: a job's shape (its dp is replaced by the fleet's) on a fleet. */
  public DistributedResult solve(TrainingJob job, Fleet fleet, StepOptions options) {
    return new DistributedResult(TrainingStep.of(job, fleet, options));
  }

  /** Direct Java call with the default step options. */
  public DistributedResult solve(TrainingJob job, Fleet fleet) {
    return solve(job, fleet, StepOptions.DEFAULTS);
  }

  /** Every result column this model writes, in order (for documentation and tests). */
  public static List<Port<?>> termPorts() {
    List<Port<?>> l = new ArrayList<>(Arrays.asList(StepTerms.ports()));
    l.addAll(Arrays.asList(MemoryTerms.ports()));
    return l;
  }
}
