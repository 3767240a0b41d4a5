package io.mlsysim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlsysim.core.ResultView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints result views as text (with the constraint trace), Markdown or JSON (values with units). */
final class ResultPrinter {
  private ResultPrinter() {}

  static void print(GlobalOptions global, List<ResultView> views) {
    global.out().print(render(global.format(), views));
    global.out().flush();
  }

  static String render(OutputFormat format, List<ResultView> views) {
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (ResultView v : views) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resolver", v.resolver());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ResultView.Field f : v.fields()) {
          fields.put(f.name(), f.shape() == io.mlsysim.core.Port.Shape.QUANTITY && f.kind() != null
              && f.kind() != io.mlsysim.units.QuantityKind.DIMENSIONLESS
              ? quantity(f) : f.jsonValue());
        }
        m.put("results", fields);
        m.put("trace", v.trace());
        out.add(m);
      }
      try {
        return Listing.JSON.writeValueAsString(views.size() == 1 ? out.get(0) : out) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (ResultView v : views) {
      TextTable t = new TextTable(List.of(v.resolver(), "value"), List.of(false, true));
      for (ResultView.Field f : v.fields()) {
        if (!(f.value() instanceof java.util.Collection<?>)) { // lists (rankings) get their own table
          t.add(List.of(f.name(), f.formatted()));
        }
      }
      sb.append(t.render(format));
      if (!v.trace().isEmpty()) {
        sb.append(format == OutputFormat.MARKDOWN ? "\n" : "");
        for (String line : v.trace()) {
          sb.append(format == OutputFormat.MARKDOWN ? "- " : "  ").append(line).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** Same shape as zoo listings: canonical SI value, its unit, and the text people read. */
  private static Map<String, Object> quantity(ResultView.Field f) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("value", Double.isFinite(f.number()) ? f.number() : String.valueOf(f.number()));
    q.put("unit", f.kind().canonicalSymbol());
    q.put("display", f.formatted());
    return q;
  }

  /** A result that says it cannot run (a *feasible flag that is false) makes the command exit 2. */
  static boolean isInfeasible(ResultView v) {
    for (ResultView.Field f : v.fields()) {
      if (f.name().endsWith("feasible") && Boolean.FALSE.equals(f.jsonValue())) {
        return true;
      }
    }
    return false;
  }
}
