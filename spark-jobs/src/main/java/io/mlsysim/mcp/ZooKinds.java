package io.mlsysim.mcp;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Registry;
import io.mlsysim.zoo.Zoo;
import io.mlsysim.zoo.ZooEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The zoo kinds agents search and read, named as {@code mlsysim zoo <kind>} names them, and the
 * provenance of an entry: the file (or built-in catalogue) and line it came from, and the
 * published source behind its numbers where the entry records one.
 */
enum ZooKinds {
  HARDWARE("hardware", Zoo::hardware),
  WORKLOADS("workloads", Zoo::workloads),
  SYSTEMS("systems", Zoo::fleets),
  GRIDS("grids", Zoo::grids),
  SCENARIOS("scenarios", Zoo::scenarios);

  final String id;
  private final Function<Zoo, Registry<?>> registry;

  ZooKinds(String id, Function<Zoo, Registry<?>> registry) {
    this.id = id;
    this.registry = registry;
  }

  Registry<?> registry() {
    return registry.apply(Zoo.current());
  }

  static List<String> ids() {
    return java.util.Arrays.stream(values()).map(k -> k.id).toList();
  }

  static ZooKinds of(String id) {
    for (ZooKinds k : values()) {
      if (k.id.equalsIgnoreCase(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("zoo kind '" + id + "' does not exist; use one of " + String.join(", ", ids()));
  }

  /** Where an entry came from and what backs its numbers. */
  static Map<String, Object> provenance(ZooEntry<?> e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("origin", e.origin());
    m.put("line", e.line());
    Provenance p = source(e.value());
    if (p != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", p.id());
      s.put("kind", p.kind().id());
      s.put("ref", p.ref());
      s.put("url", p.url());
      s.put("verified", p.verified() == null ? null : p.verified().toString());
      s.put("notes", p.notes());
      m.put("source", s);
    }
    return m;
  }

  private static Provenance source(Object value) {
    if (value instanceof HardwareNode h) {
      return h.source();
    }
    if (value instanceof Workload w) {
      return w.source();
    }
    if (value instanceof GridProfile g) {
      return g.source();
    }
    return null; // systems and scenarios are made of entries that carry their own sources
  }
}
