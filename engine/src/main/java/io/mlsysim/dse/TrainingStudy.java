package io.mlsysim.dse;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.calibration.CalibrationConstant;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.Collectives;
import io.mlsysim.physics.Economics;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.Sustainability;
import io.mlsysim.physics.TrainingMemory;
import io.mlsysim.physics.TransformerMath;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code training} study pipeline: one training step of a transformer on a fleet with 3D
 * parallelism, and the whole training run's time, energy, carbon and cost. It composes the
 * physics formulas (memory per rank, roofline compute, α–β collectives, pipeline bubble,
 * sustainability, economics) with constants from the calibration catalogue; it holds no
 * formula of its own beyond adding the parts of a step.
 *
 * <p>Ranks are placed tensor-parallel innermost, then pipeline, then data parallel, so each
 * collective runs over the link its group actually crosses. The fleet gives the cluster shape
 * (nodes, accelerators per node, intra-node link, fabric); {@code hardware} is the accelerator
 * in it (its own device link when it has one, else the node's).
 *
 * <p>Stands in for a compiled pipeline of contract Models until the DistributedModel and its
 * companions exist; its inputs and result columns are the study-facing interface either way.
 */
public final class TrainingStudy implements StudyEvaluatorFactory {
  static final String[] RESULT_NAMES = {"step_time_s", "tokens_per_s", "mfu", "memory_per_gpu_bytes",
      "memory_utilization", "compute_time_s", "communication_time_s", "bubble_fraction", "gpus", "dp",
      "time_to_train_s", "energy_j", "carbon_kg", "cost_usd"};

  @Override
  public String name() {
    return "training";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<InputDecl> inputs() {
    return List.of(
        new InputDecl("workload", InputKind.WORKLOAD, null, "the transformer to train"),
        new InputDecl("hardware", InputKind.HARDWARE, null, "the accelerator"),
        new InputDecl("fleet", InputKind.FLEET, null, "the cluster shape: nodes, accelerators per node, fabric"),
        new InputDecl("precision", InputKind.PRECISION, "bf16", "training precision"),
        new InputDecl("region", InputKind.REGION, Calibration.DEFAULT_GRID_REGION, "grid region of the datacenter"),
        new InputDecl("tp", InputKind.INTEGER, 1L, "tensor-parallel degree"),
        new InputDecl("pp", InputKind.INTEGER, 1L, "pipeline-parallel stages"),
        new InputDecl("ep", InputKind.INTEGER, 1L, "expert-parallel degree"),
        new InputDecl("microbatches", InputKind.INTEGER, 1L, "micro-batches per step (gradient accumulation)"),
        new InputDecl("batch", InputKind.INTEGER, 1024L, "global batch in sequences"),
        new InputDecl("seq_len", InputKind.INTEGER, (long) Calibration.DEFAULT_SEQ_LEN, "sequence length in tokens"),
        new InputDecl("zero_stage", InputKind.INTEGER, 1L, "ZeRO sharding stage 0-3"),
        new InputDecl("efficiency", InputKind.REAL, Calibration.DEFAULT_EFFICIENCY,
            "achieved fraction of peak FLOP/s in compute kernels"));
  }

  @Override
  public List<ResultField> results() {
    return List.of(
        new ResultField("step_time_s", "s", "time of one optimizer step"),
        new ResultField("tokens_per_s", "1/s", "training tokens per second for the fleet"),
        new ResultField("mfu", "", "model FLOP utilisation over the whole step"),
        new ResultField("memory_per_gpu_bytes", "B", "training footprint of one rank"),
        new ResultField("memory_utilization", "", "footprint over accelerator memory"),
        new ResultField("compute_time_s", "s", "arithmetic time of one step on one rank"),
        new ResultField("communication_time_s", "s", "exposed TP, PP and DP communication per step"),
        new ResultField("bubble_fraction", "", "idle fraction of the pipeline"),
        new ResultField("gpus", "", "accelerators in the fleet"),
        new ResultField("dp", "", "data-parallel degree gpus/(tp·pp·ep)"),
        new ResultField("time_to_train_s", "s", "time to train on the workload's training tokens"),
        new ResultField("energy_j", "J", "facility energy of the training run"),
        new ResultField("carbon_kg", "kg", "operational carbon of the training run"),
        new ResultField("cost_usd", "USD", "amortised hardware, maintenance and energy of the run"));
  }

  @Override
  public List<String> attributes() {
    return List.of("layers", "hidden", "heads", "kv_heads", "gpus", "gpus_per_node", "nodes", "parameters");
  }

  /** Calibration constants this pipeline reads. */
  static final String[] CONSTANTS = {"ADAM_STATE_BYTES_PER_PARAM", "COMM_BUFFER_FRACTION", "ALPHA_INTRA_NODE",
      "ALPHA_INTER_NODE", "COMM_OVERLAP_EFFICIENCY", "FALLBACK_TDP", "AMORTIZATION_PERIOD",
      "MAINTENANCE_FRACTION_PER_YEAR", "YEAR", "DEFAULT_ELECTRICITY_PRICE", "DEFAULT_INFRA_MULTIPLIER",
      "CHINCHILLA_TOKENS_PER_PARAM", "FALLBACK_PUE"};

  @Override
  public List<SourceRow> sources(SearchSpace space, Zoo zoo) {
    List<SourceRow> out = new ArrayList<>(SourceRow.zooEntries(space, zoo));
    for (String c : CONSTANTS) {
      CalibrationConstant k = Calibration.get(c);
      out.add(SourceRow.of("calibration", k.field(), "built-in", k.source()));
    }
    return out;
  }

  @Override
  public CandidateEvaluator bind(SearchSpace space, Zoo zoo) {
    return new Bound(space, zoo);
  }

  /** The pipeline bound to a space: every zoo figure in a primitive table by ordinal. */
  static final class Bound implements CandidateEvaluator {
    private static final long serialVersionUID = 1L;
    final int dWorkload, dHardware, dFleet, dPrecision, dRegion, dTp, dPp, dEp, dMicro, dBatch, dSeq, dZero, dEff;
    // workloads
    final double[] params, hidden, trainingTokens;
    final int[] layers, heads, kvHeads;
    // hardware × precision
    final double[][] peak;
    final double[] bytesPerElement;
    final double[] capacity, tdp, unitCost, deviceLink;
    // fleets
    final int[] nodes, perNode;
    final double[] nodeLink, fabricBandwidth;
    // regions
    final double[] carbonIntensity, pue, electricityPrice;

    Bound(SearchSpace space, Zoo zoo) {
      dWorkload = space.indexOf("workload");
      dHardware = space.indexOf("hardware");
      dFleet = space.indexOf("fleet");
      dPrecision = space.indexOf("precision");
      dRegion = space.indexOf("region");
      dTp = space.indexOf("tp");
      dPp = space.indexOf("pp");
      dEp = space.indexOf("ep");
      dMicro = space.indexOf("microbatches");
      dBatch = space.indexOf("batch");
      dSeq = space.indexOf("seq_len");
      dZero = space.indexOf("zero_stage");
      dEff = space.indexOf("efficiency");
      Dimension w = space.dimensions().get(dWorkload);
      int nw = w.size();
      params = new double[nw];
      hidden = new double[nw];
      trainingTokens = new double[nw];
      layers = new int[nw];
      heads = new int[nw];
      kvHeads = new int[nw];
      for (int i = 0; i < nw; i++) {
        Workload wl = zoo.workloads().get(w.label(i));
        if (!(wl instanceof TransformerWorkload t) || !t.hasParameters() || t.layers() <= 0) {
          throw new StudySpecException("workload '" + w.label(i) + "' is a " + wl.family().id()
              + " model; the training pipeline needs a transformer with parameters and layers");
        }
        params[i] = t.parameters();
        hidden[i] = t.hiddenSize();
        layers[i] = t.layers();
        heads[i] = t.heads();
        kvHeads[i] = t.kvHeads();
        trainingTokens[i] = Double.isNaN(t.trainingTokens())
            ? Calibration.CHINCHILLA_TOKENS_PER_PARAM * t.parameters() : t.trainingTokens();
      }
      Dimension p = space.dimensions().get(dPrecision);
      bytesPerElement = new double[p.size()];
      for (int j = 0; j < p.size(); j++) {
        bytesPerElement[j] = Precision.parse(p.label(j)).bytes();
      }
      Dimension h = space.dimensions().get(dHardware);
      int nh = h.size();
      peak = new double[nh][p.size()];
      capacity = new double[nh];
      tdp = new double[nh];
      unitCost = new double[nh];
      deviceLink = new double[nh];
      for (int i = 0; i < nh; i++) {
        HardwareNode hw = zoo.hardware().get(h.label(i));
        for (int j = 0; j < p.size(); j++) {
          peak[i][j] = hw.compute().flops(Precision.parse(p.label(j)));
        }
        capacity[i] = hw.memory().capacity();
        tdp[i] = hw.hasTdp() ? hw.tdp() : Calibration.FALLBACK_TDP;
        unitCost[i] = hw.unitCost();
        deviceLink[i] = hw.nvlink() == null ? Double.NaN : hw.nvlink().perDirectionBandwidth();
      }
      Dimension f = space.dimensions().get(dFleet);
      int nf = f.size();
      nodes = new int[nf];
      perNode = new int[nf];
      nodeLink = new double[nf];
      fabricBandwidth = new double[nf];
      for (int i = 0; i < nf; i++) {
        Fleet fl = zoo.fleets().get(f.label(i));
        nodes[i] = fl.nodeCount();
        perNode[i] = fl.acceleratorsPerNode();
        nodeLink[i] = fl.node().intraNodeBandwidth();
        fabricBandwidth[i] = fl.fabric().effectiveBandwidth();
      }
      Dimension r = space.dimensions().get(dRegion);
      carbonIntensity = new double[r.size()];
      pue = new double[r.size()];
      electricityPrice = new double[r.size()];
      for (int i = 0; i < r.size(); i++) {
        GridProfile g = zoo.grids().get(r.label(i));
        carbonIntensity[i] = g.carbonIntensity();
        pue[i] = Double.isNaN(g.pue()) ? Calibration.FALLBACK_PUE : g.pue();
        electricityPrice[i] = g.hasElectricityPrice() ? g.electricityPrice() : Calibration.DEFAULT_ELECTRICITY_PRICE;
      }
    }

    @Override
    public Expr.Operand attribute(String name) {
      int dw = dWorkload;
      int df = dFleet;
      return switch (name) {
        case "layers" -> (c, r) -> layers[c.ordinal[dw]];
        case "hidden" -> (c, r) -> hidden[c.ordinal[dw]];
        case "heads" -> (c, r) -> heads[c.ordinal[dw]];
        case "kv_heads" -> (c, r) -> kvHeads[c.ordinal[dw]];
        case "parameters" -> (c, r) -> params[c.ordinal[dw]];
        case "gpus" -> (c, r) -> (double) nodes[c.ordinal[df]] * perNode[c.ordinal[df]];
        case "gpus_per_node" -> (c, r) -> perNode[c.ordinal[df]];
        case "nodes" -> (c, r) -> nodes[c.ordinal[df]];
        default -> null;
      };
    }

    @Override
    public void evaluate(Candidate c, Evaluation out) {
      int w = c.ordinal[dWorkload];
      int hw = c.ordinal[dHardware];
      int fl = c.ordinal[dFleet];
      int pr = c.ordinal[dPrecision];
      int rg = c.ordinal[dRegion];
      int tp = (int) c.value[dTp];
      int pp = (int) c.value[dPp];
      int ep = (int) c.value[dEp];
      int m = (int) c.value[dMicro];
      int batch = (int) c.value[dBatch];
      double seq = c.value[dSeq];
      int zero = (int) c.value[dZero];
      double eff = c.value[dEff];
      double[] v = out.values;

      int gpn = perNode[fl];
      int gpus = nodes[fl] * gpn;
      v[8] = gpus;
      int model = tp * pp * ep;
      if (tp < 1 || pp < 1 || ep < 1 || m < 1 || batch < 1 || gpus % model != 0) {
        out.feasible = false;
        out.reason = "tp·pp·ep = " + model + " does not divide the fleet's " + gpus + " accelerators";
        return;
      }
      int dp = gpus / model;
      v[9] = dp;
      if (batch < dp * m) {
        out.feasible = false;
        out.reason = "global batch " + batch + " is smaller than dp·microbatches = " + (dp * m);
        return;
      }
      double b = bytesPerElement[pr];
      double p = params[w];
      int layerCount = layers[w];
      double h = hidden[w];

      // Memory of one rank.
      TrainingMemory.Breakdown mem = TrainingMemory.breakdown(p, layerCount, h, heads[w], batch, seq, b,
          Calibration.ADAM_STATE_BYTES_PER_PARAM, ActivationCheckpointing.SELECTIVE, tp, pp, dp, ep, zero, m, 1.0,
          Calibration.COMM_BUFFER_FRACTION);
      double footprint = mem.total();
      v[3] = footprint;
      v[4] = footprint / capacity[hw];

      // Compute: this rank's share of 6·P·tokens at the achieved rate.
      double tokens = (double) batch * seq;
      double stepFlops = TransformerMath.trainingFlops(p, tokens);
      double compute = Roofline.computeTime(stepFlops / gpus, peak[hw][pr], eff);
      v[5] = compute;

      // Links: TP innermost inside a node, then PP, then DP.
      double intra = Double.isNaN(deviceLink[hw]) ? nodeLink[fl] : deviceLink[hw];
      double inter = fabricBandwidth[fl];
      double localBatch = (double) batch / dp;
      double activation = localBatch * seq * h * b;
      double tpTime = 0;
      if (tp > 1) {
        boolean inNode = tp <= gpn;
        tpTime = 4.0 * Math.ceil((double) layerCount / pp) * Collectives.ringAllReduce(activation, tp,
            inNode ? intra : inter, inNode ? Calibration.ALPHA_INTRA_NODE : Calibration.ALPHA_INTER_NODE);
      }
      double ppTime = 0;
      if (pp > 1) {
        boolean inNode = (long) tp * pp <= gpn;
        double bw = inNode ? intra : inter;
        double alpha = inNode ? Calibration.ALPHA_INTRA_NODE : Calibration.ALPHA_INTER_NODE;
        ppTime = 2.0 * (activation / bw + m * alpha); // forward activations and backward gradients
      }
      double dpTime = 0;
      if (dp > 1) {
        double grads = p / (tp * pp * ep) * b;
        if ((long) model * dp <= gpn) {
          dpTime = Collectives.ringAllReduce(grads, dp, intra, Calibration.ALPHA_INTRA_NODE);
        } else {
          int dpPerNode = Math.max(1, gpn / model);
          int dpNodes = (dp + dpPerNode - 1) / dpPerNode;
          dpTime = Collectives.hierarchicalAllReduce(grads, dpPerNode, dpNodes, intra, Calibration.ALPHA_INTRA_NODE,
              inter, Calibration.ALPHA_INTER_NODE);
        }
        dpTime *= 1 - Calibration.COMM_OVERLAP_EFFICIENCY;
      }
      double bubble = Collectives.bubbleFraction(pp, m, 1);
      double bubbleTime = compute * bubble / (1 - bubble);
      double comm = tpTime + ppTime + dpTime;
      double step = compute + comm + bubbleTime;
      v[0] = step;
      v[1] = tokens / step;
      v[2] = stepFlops / (step * gpus * peak[hw][pr]);
      v[6] = comm;
      v[7] = bubble;

      // The training run.
      double runTime = trainingTokens[w] / v[1];
      v[10] = runTime;
      double energy = Sustainability.facilityEnergy(Sustainability.itEnergy(tdp[hw], gpus, runTime), pue[rg]);
      v[11] = energy;
      v[12] = Sustainability.operationalCarbon(energy, carbonIntensity[rg]);
      double capex = Economics.capex(unitCost[hw], gpus, Calibration.DEFAULT_INFRA_MULTIPLIER);
      v[13] = Economics.tco(Economics.capexForPeriod(capex, Calibration.AMORTIZATION_PERIOD, runTime),
          Economics.energyCost(energy, electricityPrice[rg]),
          Economics.maintenance(capex, Calibration.MAINTENANCE_FRACTION_PER_YEAR, Calibration.YEAR, runTime));

      if (footprint > capacity[hw]) {
        out.feasible = false;
        out.reason = "needs " + Math.round(footprint / 1e9) + " GB per accelerator, has "
            + Math.round(capacity[hw] / 1e9) + " GB";
      }
    }
  }
}
