package io.mlsysim.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three-lens verdict on one system: Feasibility (will it run?), Performance (is it fast
 * enough?) and Macro (is it worth it?). {@link #toDictionary()} flattens it for tables and
 * Parquet; {@link #render()} draws it as a fixed-width box.
 *
 * @param subject what was evaluated, e.g. "WakeVision on ESP32_S3"
 * @param notes extra lines explaining the verdicts (binding numbers), shown under the lenses
 */
public record Scorecard(String scenario, String subject, Lens feasibility, Lens performance, Lens macro,
    List<String> notes) {

  /** Inner width of the box, in characters. */
  public static final int WIDTH = 68;

  public Scorecard {
    notes = List.copyOf(notes);
  }

  public List<Lens> lenses() {
    return List.of(feasibility, performance, macro);
  }

  /** True when every lens passed or was skipped. */
  public boolean passedAll() {
    return feasibility.passed() && performance.passed() && macro.passed();
  }

  /**
   * scenario, f_status, p_status, m_status, f_summary, p_summary, m_summary, then every lens's
   * metrics under its prefix (f_memory_used_gb…), then passed_all.
   */
  public Map<String, Object> toDictionary() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("scenario", scenario);
    for (Lens l : lenses()) {
      d.put(l.prefix() + "_status", l.status().name());
    }
    for (Lens l : lenses()) {
      d.put(l.prefix() + "_summary", l.summary());
    }
    for (Lens l : lenses()) {
      l.metrics().forEach((k, v) -> d.put(l.prefix() + "_" + k, v));
    }
    d.put("passed_all", passedAll());
    return d;
  }

  /** The boxed text scorecard, Unicode box drawing, every line {@link #WIDTH} + 4 wide. */
  public String render() {
    List<String> out = new ArrayList<>();
    String bar = "═".repeat(WIDTH + 2);
    out.add("╔" + bar + "╗");
    out.add(row("MLSys·im scorecard: " + scenario));
    out.add(row(subject));
    out.add("╠" + bar + "╣");
    for (Lens l : lenses()) {
      out.add(row(String.format(Locale.ROOT, "%-12s %-8s %s", l.name(), l.status().name(), l.summary())));
      out.add(row("  " + l.question()));
      l.metrics().forEach((k, v) -> out.add(row("    " + k + " = " + value(v))));
    }
    out.add("╠" + bar + "╣");
    for (String n : notes) {
      wrap(n, out);
    }
    out.add(row("passed all lenses: " + (passedAll() ? "yes" : "no")));
    out.add("╚" + bar + "╝");
    return String.join("\n", out) + "\n";
  }

  static String value(Object v) {
    if (v instanceof Double d) {
      return num(d);
    }
    return String.valueOf(v);
  }

  /** Four significant digits, plain notation between 1e-3 and 1e9. */
  static String num(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    double a = Math.abs(d);
    if (a != 0 && (a < 1e-6 || a >= 1e12)) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    String s = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    return s;
  }

  /** Word-wraps a note over as many rows as it needs, continuation rows indented. */
  private static void wrap(String text, List<String> out) {
    String rest = text;
    String indent = "";
    while ((indent + rest).length() > WIDTH) {
      int cut = rest.lastIndexOf(' ', WIDTH - indent.length());
      if (cut <= 0) {
        cut = WIDTH - indent.length();
      }
      out.add(row(indent + rest.substring(0, cut)));
      rest = rest.substring(cut).trim();
      indent = "  ";
    }
    out.add(row(indent + rest));
  }

  private static String row(String text) {
    String t = text.length() > WIDTH ? text.substring(0, WIDTH - 1) + "…" : text;
    return "║ " + t + " ".repeat(WIDTH - t.length()) + " ║";
  }
}
