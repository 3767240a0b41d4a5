package io.mlsysim.mcp;

import io.mlsysim.core.Port;
import io.mlsysim.core.ResultView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resolver's result for an agent: every output with its value (canonical SI for quantities,
 * as in {@code mlsysim run -o json}), its unit and the text people read, plus the trace.
 */
final class ResultJson {
  private ResultJson() {}

  static Map<String, Object> of(ResultView view) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (ResultView.Field f : view.fields()) {
      Map<String, Object> field = new LinkedHashMap<>();
      Object value = f.jsonValue();
      field.put("value", value instanceof Double d && !Double.isFinite(d) ? String.valueOf(d) : value);
      field.put("unit", f.shape() == Port.Shape.QUANTITY && f.kind() != null ? f.kind().canonicalSymbol() : "");
      if (f.shape() == Port.Shape.QUANTITY && f.kind() != null) {
        field.put("dimension", f.kind().label());
      }
      field.put("display", f.formatted());
      results.put(f.name(), field);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resolver", view.resolver());
    m.put("results", results);
    m.put("trace", view.trace());
    return m;
  }

  /** The name of a feasibility flag that came out false, or null when the result can run. */
  static String infeasibleFlag(ResultView view) {
    for (ResultView.Field f : view.fields()) {
      if (f.name().endsWith("feasible") && Boolean.FALSE.equals(f.jsonValue())) {
        return f.name();
      }
    }
    return null;
  }
}
