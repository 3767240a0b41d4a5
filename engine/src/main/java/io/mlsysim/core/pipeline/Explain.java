package io.mlsysim.core.pipeline;

import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.core.WallRef;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Renders a compiled pipeline for people: the DAG in execution order, walls, inputs. */
final class Explain {
  private Explain() {}

  static String render(CompiledPipeline plan) {
    TreeSet<Integer> walls = new TreeSet<>();
    for (Stage s : plan.order()) {
      for (WallRef w : s.resolver().schema().walls()) {
        walls.add(w.number());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Pipeline: ").append(plan.order().size()).append(" stage")
        .append(plan.order().size() == 1 ? "" : "s").append(" in dependency order");
    out.append("; walls covered: ").append(walls.isEmpty() ? "none declared" : join(walls)).append('\n');
    int i = 1;
    for (Stage s : plan.order()) {
      Schema schema = s.resolver().schema();
      out.append("  ").append(i++).append(". ").append(s.name());
      if (!s.name().equals(schema.name())) {
        out.append(" (").append(schema.name()).append(')');
      }
      out.append("  [").append(schema.tier().id()).append(']');
      if (!schema.walls().isEmpty()) {
        out.append(" walls ").append(schema.wallList());
      }
      out.append('\n');
      List<String> needs = new ArrayList<>();
      for (Port<?> p : schema.requires()) {
        String wired = s.wiredName(p);
        String from = plan.producerOf(wired);
        needs.add(wired + " ← " + (from == null ? "input" : from));
      }
      List<String> gives = new ArrayList<>();
      for (Port<?> p : schema.produces()) {
        gives.add(s.wiredName(p) + ": " + p.typeLabel());
      }
      out.append("       needs  ").append(needs.isEmpty() ? "(nothing)" : String.join(", ", needs)).append('\n');
      out.append("       gives  ").append(gives.isEmpty() ? "(nothing)" : String.join(", ", gives)).append('\n');
    }
    List<InputSpec> required = new ArrayList<>();
    List<InputSpec> optional = new ArrayList<>();
    for (InputSpec in : plan.inputs().values()) {
      (in.required() ? required : optional).add(in);
    }
    out.append("Inputs you must supply:").append(required.isEmpty() ? " none" : "").append('\n');
    for (InputSpec in : required) {
      out.append("  ").append(in.name()).append(": ").append(in.port().typeLabel());
      if (in.port().shape() == Port.Shape.QUANTITY) {
        out.append(", e.g. \"").append(in.port().kind().example()).append('"');
      }
      out.append("  (used by ").append(String.join(", ", in.consumers())).append(")\n");
    }
    if (!optional.isEmpty()) {
      out.append("Optional inputs (default used when omitted):\n");
      for (InputSpec in : optional) {
        Port<?> p = in.port();
        String def = p.isNumeric() ? p.format(p.defaultNumber()) : String.valueOf(p.defaultObject());
        out.append("  ").append(in.name()).append(": ").append(p.typeLabel()).append(" = ").append(def)
            .append("  (used by ").append(String.join(", ", in.consumers())).append(")\n");
      }
    }
    return out.toString();
  }

  private static String join(TreeSet<Integer> walls) {
    List<String> s = new ArrayList<>();
    for (int w : walls) {
      s.add(Integer.toString(w));
    }
    return String.join(", ", s);
  }

}
