package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Collectives;
import io.mlsysim.physics.MoE;
import io.mlsysim.physics.Parallelism;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;

/**
 * Token routing in a mixture-of-experts model: how imbalance inflates the experts a step
 * effectively runs, the bytes one dispatch moves, and the expert-parallel all-to-all on a fleet.
 */
public final class MoERoutingModel extends Model<MoERoutingModel.MoERoutingResult> {

  public static final Port<Double> MOE_EFFECTIVE_EXPERTS = Port.number("moe_effective_experts")
      .describedAs("min(experts, k·imbalance)");
  public static final Port<Double> MOE_EFFECTIVE_ACTIVE_PARAMS = Port.number("moe_effective_active_params")
      .describedAs("active parameters scaled by effective experts over k");
  public static final Port<Double> MOE_PAYLOAD = Port.quantity("moe_payload", QuantityKind.DATA_SIZE, "GB")
      .describedAs("B·S·h·b·k·(effective/k)");
  public static final Port<Double> MOE_DISPATCH_BYTES = Port.quantity("moe_dispatch_bytes", QuantityKind.DATA_SIZE, "GB")
      .describedAs("payload leaving a rank, payload·(ep−1)/ep");
  public static final Port<Double> MOE_ALL_TO_ALL_LATENCY =
      Port.quantity("moe_all_to_all_latency", QuantityKind.TIME, "ms").describedAs("one all-to-all on the fleet (0 when ep = 1)");

  public record MoERoutingResult(double moeEffectiveExperts, double moeEffectiveActiveParams, double moePayload,
      double moeDispatchBytes, double moeAllToAllLatency) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(MOE_EFFECTIVE_EXPERTS, moeEffectiveExperts);
      out.putDouble(MOE_EFFECTIVE_ACTIVE_PARAMS, moeEffectiveActiveParams);
      out.putDouble(MOE_PAYLOAD, moePayload);
      out.putDouble(MOE_DISPATCH_BYTES, moeDispatchBytes);
      out.putDouble(MOE_ALL_TO_ALL_LATENCY, moeAllToAllLatency);
    }

    @Override
    public List<String> trace() {
      return List.of("routing to " + Display.number(moeEffectiveExperts) + " effective experts moves "
          + Display.format(moeDispatchBytes, QuantityKind.DATA_SIZE) + " per dispatch; all-to-all "
          + Display.format(moeAllToAllLatency, QuantityKind.TIME));
    }
  }

  public MoERoutingModel() {
    super(Schema.model("MoERoutingModel")
        .describedAs("Mixture-of-experts routing: effective experts under imbalance, dispatch bytes, all-to-all")
        .requires(CommonPorts.WORKLOAD, CommonPorts.FLEET, CommonPorts.BATCH, CommonPorts.SEQ_LEN,
            CommonPorts.PRECISION, CommonPorts.EP, FleetPorts.MOE_IMBALANCE)
        .produces(MOE_EFFECTIVE_EXPERTS, MOE_EFFECTIVE_ACTIVE_PARAMS, MOE_PAYLOAD, MOE_DISPATCH_BYTES,
            MOE_ALL_TO_ALL_LATENCY)
        .walls(14)
        .fallacy("A top-2 MoE costs two experts' worth of compute",
            "Imbalanced routing makes the busiest expert set the pace, so the effective expert count is higher")
        .build());
  }

  @Override
  public MoERoutingResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.WORKLOAD), in.get(CommonPorts.FLEET), in.getInt(CommonPorts.BATCH),
        in.getInt(CommonPorts.SEQ_LEN), in.get(CommonPorts.PRECISION), in.getInt(CommonPorts.EP),
        in.getDouble(FleetPorts.MOE_IMBALANCE));
  }

  public MoERoutingResult solve(Workload workload, Fleet fleet, int batch, int seqLen, Precision precision, int ep,
      double imbalance) {
    if (!(workload instanceof SparseTransformerWorkload w)) {
      throw new IllegalArgumentException("workload: " + workload.name()
          + " is not a mixture-of-experts model; MoE routing needs one (e.g. Mixtral_8x7B)");
    }
    Checks.positive("batch", batch);
    Checks.positive("seq_len", seqLen);
    Checks.positive("ep", ep);
    Checks.positive("moe_imbalance", imbalance);
    int k = w.activeExperts();
    double eff = MoE.effectiveExperts(w.experts() > 0 ? w.experts() : k, k, imbalance);
    double mult = eff / k;
    double payload = MoE.payload(batch, seqLen, w.hiddenSize(), precision.bytes(), k, mult);
    double dispatch = MoE.dispatchBytes(payload, ep);
    double a2a = 0;
    if (ep > 1) {
      int gpn = fleet.acceleratorsPerNode();
      boolean intra = Parallelism.withinNode(ep, gpn);
      double bw = intra ? fleet.node().intraNodeBandwidth()
          : Parallelism.perRankFabricBandwidth(fleet.fabric().bandwidth(), fleet.fabric().oversubscription(),
              fleet.node().nicsPerNode(), gpn);
      a2a = Collectives.allToAll(payload, ep, bw, intra ? Calibration.ALPHA_INTRA_NODE : Calibration.ALPHA_INTER_NODE);
    }
    return new MoERoutingResult(eff, w.activeParameters() * mult, payload, dispatch, a2a);
  }
}
