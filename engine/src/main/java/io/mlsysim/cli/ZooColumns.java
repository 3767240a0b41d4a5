package io.mlsysim.cli;

import static io.mlsysim.units.QuantityKind.CARBON_INTENSITY;
import static io.mlsysim.units.QuantityKind.COMPUTE_RATE;
import static io.mlsysim.units.QuantityKind.DATA_RATE;
import static io.mlsysim.units.QuantityKind.DATA_SIZE;
import static io.mlsysim.units.QuantityKind.MONEY;
import static io.mlsysim.units.QuantityKind.OPERATIONS;
import static io.mlsysim.units.QuantityKind.POWER;
import static io.mlsysim.units.QuantityKind.TIME;
import static io.mlsysim.units.QuantityKind.WATER_INTENSITY;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.walls.Wall;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;

/** The columns each zoo listing shows. */
final class ZooColumns {
  private ZooColumns() {}

  static final List<Column<HardwareNode>> HARDWARE = List.of(
      Column.text("name", "name", HardwareNode::name),
      Column.text("tier", "tier", h -> h.tier().id()),
      Column.integer("year", "release_year", HardwareNode::releaseYear),
      Column.quantity("peak", "peak_flops", COMPUTE_RATE, h -> h.compute().peakFlops()),
      Column.quantity("memory", "memory_capacity", DATA_SIZE, h -> h.memory().capacity()),
      Column.quantity("bandwidth", "memory_bandwidth", DATA_RATE, h -> h.memory().bandwidth()),
      new Column<>("ridge (fp16)", "ridge_point_fp16", true,
          h -> Column.quantityJson(h.ridgePoint(Precision.FP16), QuantityKind.ARITHMETIC_INTENSITY),
          h -> Display.number(h.ridgePoint(Precision.FP16)) + " FLOP/B"),
      Column.quantity("TDP", "tdp", POWER, HardwareNode::tdp),
      Column.quantity("cost", "unit_cost", MONEY, HardwareNode::unitCost),
      Column.text("source", "source", h -> h.source().kind().id()));

  static final List<Column<Workload>> WORKLOADS = List.of(
      Column.text("name", "name", Workload::name),
      Column.text("family", "family", w -> w.family().id()),
      Column.text("tier", "tier", w -> w.tier().id()),
      new Column<>("parameters", "parameters", true, w -> w.hasParameters() ? w.parameters() : null,
          w -> w.hasParameters() ? Display.number(w.parameters()) : "—"),
      Column.quantity("inference", "inference_ops", OPERATIONS, Workload::inferenceOps),
      Column.integer("layers", "layers", Workload::layers),
      Column.integer("hidden", "hidden_size", w -> w instanceof TransformerWorkload t ? t.hiddenSize() : 0),
      // Unknown is null in JSON rather than 0, so no script mistakes it for an empty vocabulary.
      Column.integer("vocab", "vocab_size", w -> w instanceof TransformerWorkload t && t.vocabSize() > 0 ? t.vocabSize() : null),
      Column.quantity("weights (fp16)", "weight_bytes_fp16", DATA_SIZE, w -> w.weightBytes(Precision.FP16)));

  static final List<Column<Fleet>> FLEETS = List.of(
      Column.text("name", "name", Fleet::name),
      Column.text("node", "node", f -> f.node().name()),
      Column.integer("nodes", "nodes", Fleet::nodeCount),
      Column.text("accelerator", "accelerator", f -> f.accelerator().name()),
      Column.integer("accelerators", "total_accelerators", Fleet::totalAccelerators),
      Column.text("fabric", "fabric", f -> f.fabric().name()),
      Column.quantity("fabric bw", "fabric_bandwidth", DATA_RATE, f -> f.fabric().bandwidth()),
      Column.quantity("latency", "fabric_latency", TIME, f -> f.fabric().latency()));

  static final List<Column<GridProfile>> GRIDS = List.of(
      Column.text("name", "name", GridProfile::name),
      Column.text("region", "display_name", GridProfile::displayName),
      Column.quantity("carbon", "carbon_intensity", CARBON_INTENSITY, GridProfile::carbonIntensity),
      new Column<>("PUE", "pue", true, GridProfile::pue, g -> Display.number(g.pue())),
      Column.quantity("water", "wue", WATER_INTENSITY, GridProfile::wue),
      Column.text("mix", "source_mix", GridProfile::sourceMix));

  static final List<Column<Wall>> WALLS = List.of(
      Column.integer("#", "number", Wall::number),
      Column.text("wall", "name", Wall::name),
      Column.text("domain", "domain", Wall::domain),
      Column.text("resolver", "resolver", Wall::resolver),
      Column.text("equation", "equation", Wall::equation));

  static final List<Column<io.mlsysim.core.plugin.ResolverInfo>> RESOLVERS = List.of(
      Column.text("name", "name", i -> i.schema().name()),
      Column.text("tier", "tier", i -> i.schema().tier().id()),
      Column.text("walls", "walls", i -> i.schema().walls().isEmpty() ? "—" : i.schema().wallList()),
      Column.text("origin", "origin", i -> i.origin().name().toLowerCase(java.util.Locale.ROOT)),
      Column.text("requires", "requires", i -> names(i.schema().requires())),
      Column.text("produces", "produces", i -> names(i.schema().produces())));

  private static String names(List<? extends io.mlsysim.core.Port<?>> ports) {
    StringBuilder sb = new StringBuilder();
    for (io.mlsysim.core.Port<?> p : ports) {
      sb.append(sb.length() == 0 ? "" : ", ").append(p.name());
    }
    return sb.toString();
  }

  static final List<Column<Scenario>> SCENARIOS = List.of(
      Column.text("name", "name", Scenario::name),
      Column.text("workload", "workload", s -> s.workload().name()),
      Column.text("system", "system", s -> s.isFleet() ? s.fleet().name() : s.hardware().name()),
      Column.text("SLA on", "sla_metric", Scenario::slaMetric),
      Column.quantity("SLA", "sla", TIME, Scenario::sla),
      Column.quantity("power budget", "power_budget", POWER, Scenario::powerBudget));
}
