package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Collectives;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.physics.Parallelism;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.TrainingMemory;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a transformer on a fleet with data, tensor, pipeline and expert
 * parallelism (wall 14). Ranks are placed TP-innermost (TP, EP, PP, DP); every rank computes its
 * own share of the step's FLOPs on its own roofline and holds its own shard of the state; each
 * collective runs over the link its group actually crosses. See docs/fleet-models.md for where
 * this differs from the reference engine.
 */
public final class DistributedModel extends Model<DistributedModel.DistributedResult> {

  public static final Port<Double> SCALING_EFFICIENCY = Port.number("scaling_efficiency")
      .describedAs("per-rank compute time over step time");
  public static final Port<Double> EFFECTIVE_THROUGHPUT =
      Port.quantity("effective_throughput", QuantityKind.RATE).describedAs("fleet samples per second");
  public static final Port<Double> DP_COMM_LATENCY = Port.quantity("dp_comm_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> TP_COMM_LATENCY = Port.quantity("tp_comm_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> PP_COMM_LATENCY = Port.quantity("pp_comm_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> EP_COMM_LATENCY = Port.quantity("ep_comm_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> COMM_LATENCY = Port.quantity("comm_latency", QuantityKind.TIME, "ms")
      .describedAs("exposed communication per step (all groups, after congestion and overlap)");
  public static final Port<Double> BUBBLE_LATENCY = Port.quantity("bubble_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> BUBBLE_FRACTION = Port.number("bubble_fraction");
  public static final Port<Double> STEP_LATENCY = Port.quantity("step_latency", QuantityKind.TIME, "ms");
  public static final Port<Double> RANK_COMPUTE_LATENCY =
      Port.quantity("rank_compute_latency", QuantityKind.TIME, "ms").describedAs("one rank's share of the step on its roofline");
  public static final Port<Integer> DP_OUT = Port.count("dp").describedAs("data-parallel degree N/(tp·pp·ep)");
  public static final Port<Double> MEMORY_PER_RANK = Port.quantity("memory_per_rank", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> RANK_MEMORY_UTILIZATION = Port.number("rank_memory_utilization");
  public static final Port<Boolean> MEMORY_FEASIBLE = Port.flag("memory_feasible");
  public static final Port<Double> MFU = FleetPorts.MFU;
  /** The fleet's accelerator, so per-device stages downstream (TrainingMemoryModel) see the same chip. */
  public static final Port<HardwareNode> HARDWARE_OUT = Port.object("hardware", HardwareNode.class)
      .describedAs("the fleet's accelerator");

  /** Which link a group's collective crosses. */
  public enum Route { NONE, INTRA_NODE, HIERARCHICAL, FABRIC }

  /** The step's numbers (canonical SI) plus what the trace needs to explain them. */
  public static final class DistributedResult implements Result {
    final double scalingEfficiency;
    final double effectiveThroughput;
    final double dpCommLatency;
    final double tpCommLatency;
    final double ppCommLatency;
    final double epCommLatency;
    final double commLatency;
    final double bubbleLatency;
    final double bubbleFraction;
    final double stepLatency;
    final double rankComputeLatency;
    final int dp;
    final double memoryPerRank;
    final double rankMemoryUtilization;
    final boolean memoryFeasible;
    final double mfu;
    final Fleet fleet;
    final int tp;
    final int pp;
    final int ep;
    final Route tpRoute;
    final Route dpRoute;
    final Route ppRoute;
    final Route epRoute;

    DistributedResult(double scalingEfficiency, double effectiveThroughput, double dpCommLatency,
        double tpCommLatency, double ppCommLatency, double epCommLatency, double commLatency, double bubbleLatency,
        double bubbleFraction, double stepLatency, double rankComputeLatency, int dp, double memoryPerRank,
        double rankMemoryUtilization, boolean memoryFeasible, double mfu, Fleet fleet, int tp, int pp, int ep,
        Route tpRoute, Route dpRoute, Route ppRoute, Route epRoute) {
      this.scalingEfficiency = scalingEfficiency;
      this.effectiveThroughput = effectiveThroughput;
      this.dpCommLatency = dpCommLatency;
      this.tpCommLatency = tpCommLatency;
      this.ppCommLatency = ppCommLatency;
      this.epCommLatency = epCommLatency;
      this.commLatency = commLatency;
      this.bubbleLatency = bubbleLatency;
      this.bubbleFraction = bubbleFraction;
      this.stepLatency = stepLatency;
      this.rankComputeLatency = rankComputeLatency;
      this.dp = dp;
      this.memoryPerRank = memoryPerRank;
      this.rankMemoryUtilization = rankMemoryUtilization;
      this.memoryFeasible = memoryFeasible;
      this.mfu = mfu;
      this.fleet = fleet;
      this.tp = tp;
      this.pp = pp;
      this.ep = ep;
      this.tpRoute = tpRoute;
      this.dpRoute = dpRoute;
      this.ppRoute = ppRoute;
      this.epRoute = epRoute;
    }

    public double scalingEfficiency() { return scalingEfficiency; }
    public double effectiveThroughput() { return effectiveThroughput; }
    public double dpCommLatency() { return dpCommLatency; }
    public double tpCommLatency() { return tpCommLatency; }
    public double ppCommLatency() { return ppCommLatency; }
    public double epCommLatency() { return epCommLatency; }
    public double commLatency() { return commLatency; }
    public double bubbleLatency() { return bubbleLatency; }
    public double bubbleFraction() { return bubbleFraction; }
    public double stepLatency() { return stepLatency; }
    public double rankComputeLatency() { return rankComputeLatency; }
    public int dp() { return dp; }
    public int tp() { return tp; }
    public int pp() { return pp; }
    public int ep() { return ep; }
    public double memoryPerRank() { return memoryPerRank; }
    public double rankMemoryUtilization() { return rankMemoryUtilization; }
    public boolean memoryFeasible() { return memoryFeasible; }
    public double mfu() { return mfu; }
    public Route tpRoute() { return tpRoute; }
    public Route dpRoute() { return dpRoute; }
    public Route ppRoute() { return ppRoute; }
    public Route epRoute() { return epRoute; }

    @Override
    public void export(Outputs out) {
      out.putDouble(SCALING_EFFICIENCY, scalingEfficiency);
      out.putDouble(EFFECTIVE_THROUGHPUT, effectiveThroughput);
      out.putDouble(DP_COMM_LATENCY, dpCommLatency);
      out.putDouble(TP_COMM_LATENCY, tpCommLatency);
      out.putDouble(PP_COMM_LATENCY, ppCommLatency);
      out.putDouble(EP_COMM_LATENCY, epCommLatency);
      out.putDouble(COMM_LATENCY, commLatency);
      out.putDouble(BUBBLE_LATENCY, bubbleLatency);
      out.putDouble(BUBBLE_FRACTION, bubbleFraction);
      out.putDouble(STEP_LATENCY, stepLatency);
      out.putDouble(RANK_COMPUTE_LATENCY, rankComputeLatency);
      out.putInt(DP_OUT, dp);
      out.putDouble(MEMORY_PER_RANK, memoryPerRank);
      out.putDouble(RANK_MEMORY_UTILIZATION, rankMemoryUtilization);
      out.putFlag(MEMORY_FEASIBLE, memoryFeasible);
      out.putDouble(MFU, mfu);
      out.put(HARDWARE_OUT, fleet.accelerator());
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      t.add("parallelism: dp " + dp + " × tp " + tp + " × pp " + pp + " × ep " + ep + " = "
          + fleet.totalAccelerators() + " " + fleet.accelerator().name() + " (" + fleet.acceleratorsPerNode()
          + " per node), ranks placed TP-innermost");
      t.add("Memory Wall: " + (memoryFeasible ? "Passed (" : "FAILED (") + TrainingMemoryModel.gb(memoryPerRank)
          + " of " + TrainingMemoryModel.gb(fleet.accelerator().memory().capacity()) + " per rank)");
      addComm(t, "TP all-reduces ", tpRoute, tpCommLatency);
      addComm(t, "EP all-to-all ", epRoute, epCommLatency);
      addComm(t, "PP activations ", ppRoute, ppCommLatency);
      addComm(t, "DP gradient all-reduce ", dpRoute, dpCommLatency);
      t.add("pipeline bubble " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * bubbleFraction) + " = "
          + ms(bubbleLatency));
      t.add("Communication Wall: step " + ms(stepLatency) + ", rank compute " + ms(rankComputeLatency)
          + ", scaling efficiency " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * scalingEfficiency)
          + ", fleet MFU " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * mfu));
      return t;
    }

    private void addComm(List<String> t, String what, Route r, double seconds) {
      if (r != Route.NONE) {
        t.add(what + route(r) + ": " + ms(seconds));
      }
    }

    private String route(Route r) {
      return switch (r) {
        case NONE -> "(group of one, none)";
        case INTRA_NODE -> "inside a node (" + Display.format(fleet.node().intraNodeBandwidth(), QuantityKind.DATA_RATE)
            + " per direction)";
        case HIERARCHICAL -> "hierarchically: inside the node, then across nodes on " + fleet.fabric().name();
        case FABRIC -> "across nodes on " + fleet.fabric().name() + " ("
            + Display.format(fleet.fabric().effectiveBandwidth(), QuantityKind.DATA_RATE) + " after oversubscription)";
      };
    }

    private static String ms(double s) {
      return Display.format(s, QuantityKind.TIME);
    }

    @Override
    public String toString() {
      return "DistributedResult[step=" + stepLatency + " s, scaling=" + scalingEfficiency + ", mfu=" + mfu + "]";
    }
  }

  public DistributedModel() {
    super(Schema.model("DistributedModel")
        .describedAs("Training step on a fleet with DP/TP/PP/EP: per-rank compute and memory, collectives on the "
            + "links their groups cross, pipeline bubble")
        .requires(CommonPorts.WORKLOAD, CommonPorts.FLEET, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
            CommonPorts.PRECISION, CommonPorts.EFFICIENCY, CommonPorts.TP, CommonPorts.PP, CommonPorts.EP,
            FleetPorts.INTERLEAVE, CommonPorts.MICROBATCHES, CommonPorts.ZERO_STAGE, CommonPorts.GRAD_ACCUM,
            FleetPorts.OPTIMIZER, FleetPorts.CHECKPOINTING, FleetPorts.LORA, FleetPorts.TRAINABLE_FRACTION,
            FleetPorts.COMM_BUFFER_FRACTION, FleetPorts.OVERLAP_COMM, FleetPorts.OVERLAP_EFFICIENCY,
            FleetPorts.CONGESTION_FACTOR, FleetPorts.STRAGGLER_FACTOR, FleetPorts.MOE_IMBALANCE)
        .produces(SCALING_EFFICIENCY, EFFECTIVE_THROUGHPUT, DP_COMM_LATENCY, TP_COMM_LATENCY, PP_COMM_LATENCY,
            EP_COMM_LATENCY, COMM_LATENCY, BUBBLE_LATENCY, BUBBLE_FRACTION, STEP_LATENCY, RANK_COMPUTE_LATENCY,
            DP_OUT, MEMORY_PER_RANK, RANK_MEMORY_UTILIZATION, MEMORY_FEASIBLE, MFU, HARDWARE_OUT)
        .walls(14)
        .fallacy("Doubling the GPUs halves the step time",
            "Collectives, the pipeline bubble and stragglers grow with the fleet; scaling efficiency falls")
        .build());
  }

  /** A device's rate at a precision; an array read since ComputeCore indexes rates by precision. */
  private static double peakFlops(HardwareNode hw, Precision p) {
    return hw.compute().flops(p);
  }

  @Override
  public DistributedResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.FLEET), in.getInt(CommonPorts.BATCH),
        in.getInt(CommonPorts.SEQ_LEN), in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY),
        in.getInt(CommonPorts.TP), in.getInt(CommonPorts.PP), in.getInt(CommonPorts.EP),
        in.getInt(FleetPorts.INTERLEAVE), in.getInt(CommonPorts.MICROBATCHES), in.getInt(CommonPorts.ZERO_STAGE),
        in.getInt(CommonPorts.GRAD_ACCUM), in.get(FleetPorts.OPTIMIZER), in.get(FleetPorts.CHECKPOINTING),
        in.getFlag(FleetPorts.LORA), in.getDouble(FleetPorts.TRAINABLE_FRACTION),
        in.getDouble(FleetPorts.COMM_BUFFER_FRACTION), in.getFlag(FleetPorts.OVERLAP_COMM),
        in.getDouble(FleetPorts.OVERLAP_EFFICIENCY), in.getDouble(FleetPorts.CONGESTION_FACTOR),
        in.getDouble(FleetPorts.STRAGGLER_FACTOR), in.getDouble(FleetPorts.MOE_IMBALANCE));
  }

  /** Defaults for everything but the shape of the job: Adam, selective checkpointing, no overlap. */
  public DistributedResult solve(Workload workload, Fleet fleet, int batch, int seqLen, Precision precision,
      double efficiency, int tp, int pp, int ep, int microbatches) {
    return solve(workload, fleet, batch, seqLen, precision, efficiency, tp, pp, ep, 1, microbatches, 0, 1,
        OptimizerKind.ADAM, ActivationCheckpointing.SELECTIVE, false, 1.0, Calibration.COMM_BUFFER_FRACTION,
        false, Calibration.COMM_OVERLAP_EFFICIENCY, Calibration.DEFAULT_CONGESTION_FACTOR,
        Calibration.DEFAULT_STRAGGLER_FACTOR, Calibration.DEFAULT_MOE_IMBALANCE);
  }

  /** Direct Java call with every knob. */
  public DistributedResult solve(Workload workload, Fleet fleet, int batch, int seqLen, Precision precision,
      double efficiency, int tp, int pp, int ep, int interleave, int microbatches, int zeroStage, int gradAccum,
      OptimizerKind optimizer, ActivationCheckpointing checkpointing, boolean lora, double trainableFraction,
      double bufferFraction, boolean overlap, double overlapEfficiency, double congestion, double straggler,
      double imbalance) {
    TransformerWorkload w = TrainingMemoryModel.transformer(workload);
    Checks.positive("batch", batch);
    Checks.positive("seq_len", seqLen);
    Checks.efficiency("efficiency", efficiency);
    Checks.positive("interleave", interleave);
    Checks.positive("microbatches", microbatches);
    Checks.positive("grad_accum", gradAccum);
    Checks.fraction("overlap_efficiency", overlapEfficiency);
    Checks.positive("congestion_factor", congestion);
    Checks.positive("straggler_factor", straggler);
    Checks.positive("moe_imbalance", imbalance);
    int n = fleet.totalAccelerators();
    int dp = Checks.dataParallelDegree(n, tp, pp, ep);
    int gpn = fleet.acceleratorsPerNode();
    HardwareNode hw = fleet.accelerator();
    double peak = peakFlops(hw, precision);
    double b = precision.bytes();
    double h = w.hiddenSize();
    int layers = w.layers();
    int lps = TrainingMemory.layersPerStage(layers, pp);
    boolean full = checkpointing == ActivationCheckpointing.FULL;
    double activeParams = w.parameters();
    double topK = 1;
    if (w instanceof SparseTransformerWorkload s) {
      activeParams = s.activeParameters();
      topK = s.activeExperts();
    }

    // Per-rank memory: the same physics as TrainingMemoryModel, on this placement.
    double memory = TrainingMemoryModel.compute(w, hw, batch, seqLen, precision, optimizer, checkpointing,
        tp, pp, dp, ep, zeroStage, gradAccum, trainableFraction, lora, bufferFraction).trainingMemory();
    double capacity = hw.memory().capacity();

    // Per-rank compute: the rank's share of the step's FLOPs on its own roofline. EP groups are
    // carved from data parallelism, so a TP×PP group sees B/(dp·ep) samples.
    long modelRanks = (long) tp * pp * ep;
    double groupBatch = Math.max(1.0, (double) batch / ((double) dp * ep));
    double seqFlops = Parallelism.trainingFlopsPerSequence(activeParams, layers, h, seqLen, full);
    double modelSeqFlops = full ? Parallelism.trainingFlopsPerSequence(activeParams, layers, h, seqLen, false)
        : seqFlops;
    double rankFlops = groupBatch * seqFlops / ((double) tp * pp);
    double rankModelFlops = groupBatch * modelSeqFlops / ((double) tp * pp);
    double rankParams = TrainingMemory.paramsPerRank(w.parameters(), tp, pp, ep);
    double rankWeights = rankParams * b;
    double tCompute = Roofline.computeTime(rankFlops, peak, efficiency);
    double tMemory = Roofline.memoryTime(
        Roofline.trafficBytes(rankWeights, Calibration.ACTIVATION_TRAFFIC_FRACTION, groupBatch),
        hw.memory().bandwidth());
    double dispatch = Double.isNaN(hw.dispatchTax()) ? Calibration.DEFAULT_DISPATCH_TAX : hw.dispatchTax();
    double compute = Math.max(tCompute, tMemory) + dispatch
        + lps * Calibration.FRAMEWORK_LAYER_TAX * Calibration.TRAINING_LAYER_TAX_MULTIPLIER;

    // Links: per direction inside a node; the rank's share of its fabric port across nodes.
    double intraBw = fleet.node().intraNodeBandwidth();
    double fabricBw = Parallelism.perRankFabricBandwidth(fleet.fabric().bandwidth(),
        fleet.fabric().oversubscription(), fleet.node().nicsPerNode(), gpn);
    double aIntra = Calibration.ALPHA_INTRA_NODE;
    double aInter = Calibration.ALPHA_INTER_NODE;
    double tokenBytes = groupBatch * seqLen * h * b;

    // TP: 2 forward + 2 backward all-reduces per layer of this stage (+2 when the forward is recomputed).
    Route tpRoute = tp <= 1 ? Route.NONE : Parallelism.withinNode(tp, gpn) ? Route.INTRA_NODE : Route.FABRIC;
    double tTp = 0;
    if (tp > 1) {
      boolean intra = tpRoute == Route.INTRA_NODE;
      tTp = (full ? 6 : 4) * lps * Collectives.ringAllReduce(tokenBytes, tp, intra ? intraBw : fabricBw,
          intra ? aIntra : aInter);
    }

    // EP: dispatch + combine, forward and backward, per MoE layer of this stage.
    Route epRoute = ep <= 1 ? Route.NONE
        : Parallelism.withinNode((long) tp * ep, gpn) ? Route.INTRA_NODE : Route.FABRIC;
    double tEp = 0;
    if (ep > 1) {
      boolean intra = epRoute == Route.INTRA_NODE;
      tEp = 4.0 * lps * Collectives.allToAll(tokenBytes * topK * imbalance, ep, intra ? intraBw : fabricBw,
          intra ? aIntra : aInter);
    }

    // PP: each micro-batch's boundary activations, forward and backward, per virtual stage.
    Route ppRoute = pp <= 1 ? Route.NONE
        : Parallelism.withinNode(modelRanks, gpn) ? Route.INTRA_NODE : Route.FABRIC;
    double tPp = 0;
    if (pp > 1) {
      boolean intra = ppRoute == Route.INTRA_NODE;
      tPp = 2.0 * interleave * microbatches * Parallelism.pointToPoint(tokenBytes / microbatches,
          intra ? intraBw : fabricBw, intra ? aIntra : aInter);
    }

    // DP: the rank's gradient shard, over the links the strided DP group spans.
    double gradBytes = rankWeights * (lora ? Calibration.LORA_GRADIENT_FRACTION : 1.0);
    Route dpRoute = Route.NONE;
    double tDp = 0;
    if (dp > 1) {
      int perNode = Parallelism.groupMembersPerNode(modelRanks, dp, gpn);
      int nodes = Parallelism.nodesSpanned(dp, perNode);
      if (nodes == 1) {
        dpRoute = Route.INTRA_NODE;
        tDp = Collectives.ringAllReduce(gradBytes, dp, intraBw, aIntra);
      } else if (perNode == 1) {
        dpRoute = Route.FABRIC;
        tDp = Collectives.ringAllReduce(gradBytes, dp, fabricBw, aInter);
      } else {
        dpRoute = Route.HIERARCHICAL;
        tDp = Collectives.hierarchicalAllReduce(gradBytes, perNode, nodes, intraBw, aIntra, fabricBw, aInter);
      }
      tDp = tDp * congestion / gradAccum;
      if (overlap) {
        tDp *= 1 - overlapEfficiency;
      }
    }
    tTp *= congestion;
    tEp *= congestion;
    tPp *= congestion;

    double bubbleFraction = Collectives.bubbleFraction(pp, microbatches, interleave);
    double bubble = compute * bubbleFraction;
    double comm = tDp + tTp + tEp + tPp;
    double step = (compute + comm + bubble) * straggler;
    double scaling = compute / step;
    double throughput = groupBatch * dp * ep / step;
    double mfu = Roofline.mfu(rankModelFlops, step, peak);
    return new DistributedResult(scaling, throughput, tDp, tTp, tPp, tEp, comm, bubble, bubbleFraction, step,
        compute, dp, memory, memory / capacity, memory <= capacity, mfu, fleet, tp, pp, ep, tpRoute, dpRoute,
        ppRoute, epRoute);
  }
}
