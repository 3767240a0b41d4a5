package io.mlsysim.dse;

import io.mlsysim.provenance.Provenance;
import io.mlsysim.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;

/** One line of a run's provenance: a zoo entry or a calibration constant it used. */
public record SourceRow(String kind, String name, String origin, String sourceId, String sourceKind,
    String reference, String url, String verified, String notes) implements java.io.Serializable {

  static SourceRow of(String kind, String name, String origin, Provenance p) {
    if (p == null) {
      return new SourceRow(kind, name, origin, "", "", "", "", "", "");
    }
    return new SourceRow(kind, name, origin, p.id(), p.kind().id(), p.ref(), p.url(),
        p.verified() == null ? "" : p.verified().toString(), p.notes());
  }

  private static void add(List<SourceRow> out, SourceRow r) {
    for (SourceRow o : out) {
      if (o.kind().equals(r.kind()) && o.name().equals(r.name())) {
        return;
      }
    }
    out.add(r);
  }

  /** Every constant of the calibration catalogue, as the resolvers of a run read them. */
  public static List<SourceRow> calibration() {
    List<SourceRow> out = new ArrayList<>();
    for (var k : io.mlsysim.calibration.Calibration.catalogue()) {
      out.add(of("calibration", k.field(), "built-in", k.source()));
    }
    return out;
  }

  /** The zoo entries the categorical dimensions of {@code space} name. */
  public static List<SourceRow> zooEntries(SearchSpace space, Zoo zoo) {
    List<SourceRow> out = new ArrayList<>();
    for (Dimension d : space.dimensions()) {
      if (!d.isCategorical()) {
        continue;
      }
      for (String label : d.labels()) {
        switch (d.kind()) {
          case HARDWARE -> {
            var e = zoo.hardware().entry(label);
            add(out, of("hardware", label, e.origin(), e.value().source()));
          }
          case WORKLOAD -> {
            var e = zoo.workloads().entry(label);
            out.add(of("workload", label, e.origin(), e.value().source()));
          }
          case FLEET -> {
            var e = zoo.fleets().entry(label);
            var f = e.value();
            out.add(of("fleet", label, e.origin(), f.source()));
            add(out, of("node", f.node().name(), zoo.nodes().contains(f.node().name())
                ? zoo.nodes().entry(f.node().name()).origin() : "", f.node().source()));
            add(out, of("fabric", f.fabric().name(), zoo.fabrics().contains(f.fabric().name())
                ? zoo.fabrics().entry(f.fabric().name()).origin() : "", f.fabric().source()));
            String chip = f.accelerator().name();
            add(out, of("hardware", chip, zoo.hardware().contains(chip) ? zoo.hardware().entry(chip).origin() : "",
                f.accelerator().source()));
          }
          case REGION -> {
            var e = zoo.grids().entry(label);
            out.add(of("grid", label, e.origin(), e.value().source()));
          }
          default -> { }
        }
      }
    }
    return out;
  }
}
