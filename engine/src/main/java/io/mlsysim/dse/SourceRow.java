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
            out.add(of("hardware", label, e.origin(), e.value().source()));
          }
          case WORKLOAD -> {
            var e = zoo.workloads().entry(label);
            out.add(of("workload", label, e.origin(), e.value().source()));
          }
          case FLEET -> {
            var e = zoo.fleets().entry(label);
            out.add(of("fleet", label, e.origin(), e.value().source()));
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
