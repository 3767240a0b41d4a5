package io.mlsysim.spark;

import java.util.List;
import java.util.Map;

/**
 * The study report as one HTML file that needs nothing else to be read: styles inline, charts as
 * inline SVG, no script, no link to fetch. Takes plain values; {@link StudyReport} gathers them.
 */
final class ReportPage {
  /** A table: column names, their units ("" for none) and rows of display text. */
  record Table(List<String> columns, List<String> units, List<List<String>> rows, long total) {}

  /** A chart with its caption; {@code svg} is an {@code <svg>} element. */
  record Figure(String caption, String svg) {}

  /** What moved on the frontier since the previous run. */
  record Movement(String previousRunId, long added, long removed, long kept, Table changes) {}

  record Content(String study, String runId, Map<String, String> provenance, Map<String, Long> statusCounts,
      Table frontier, List<Figure> figures, Table reasons, Movement movement, String specText) {}

  private static final String STYLE = """
      body{font-family:sans-serif;color:#222;margin:2em auto;max-width:1900px;padding:0 1em}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
      th{background:#f3f3f3}td.t,th.t{text-align:left}.unit{font-weight:normal;color:#666}
      .counts span{display:inline-block;margin-right:1.5em}.added{color:#1a7f37}.removed{color:#b0002a}
      figure{display:inline-block;margin:.5em}figcaption{text-align:center;color:#555}
      pre{background:#f6f6f6;padding:1em;overflow:auto}""";

  private ReportPage() {}

  static String render(Content c) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc("Study " + c.study() + " · run " + c.runId())).append("</title><style>").append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Study ").append(esc(c.study())).append(" · run ").append(esc(c.runId())).append("</h1>\n");

    h.append("<section id=\"provenance\"><h2>Provenance</h2>\n<table>");
    c.provenance().forEach((k, v) -> h.append("<tr><th class=\"t\">").append(esc(k)).append("</th><td class=\"t\">")
        .append(esc(v)).append("</td></tr>"));
    h.append("</table>\n<p class=\"counts\" id=\"status-counts\">");
    c.statusCounts().forEach((k, v) -> h.append("<span><b>").append(esc(k)).append("</b> ").append(v).append("</span>"));
    h.append("</p></section>\n");

    h.append("<section id=\"frontier\"><h2>Pareto frontier</h2>\n");
    h.append("<p>").append(c.frontier().total()).append(" configurations on the frontier (rank 1)")
        .append(c.frontier().total() > c.frontier().rows().size() ? ", the first " + c.frontier().rows().size()
            + " by the first objective" : "").append(".</p>\n");
    table(h, "frontier-table", c.frontier());
    h.append("</section>\n");

    h.append("<section id=\"charts\"><h2>Frontier charts</h2>\n");
    for (Figure f : c.figures()) {
      h.append("<figure class=\"chart\">").append(f.svg()).append("<figcaption>").append(esc(f.caption()))
          .append("</figcaption></figure>\n");
    }
    h.append("</section>\n");

    h.append("<section id=\"reasons\"><h2>Why candidates were not feasible</h2>\n");
    if (c.reasons().rows().isEmpty()) {
      h.append("<p>Every candidate was feasible.</p>\n");
    } else {
      table(h, "reasons-table", c.reasons());
    }
    h.append("</section>\n");

    Movement m = c.movement();
    h.append("<section id=\"movement\"><h2>How the frontier moved</h2>\n<p class=\"counts\">");
    if (m.previousRunId() == null) {
      h.append("First run of this study: all ").append(m.added()).append(" frontier points are new.");
    } else {
      h.append("Since run ").append(esc(m.previousRunId())).append(": <span class=\"added\"><b>added</b> ")
          .append(m.added()).append("</span><span class=\"removed\"><b>removed</b> ").append(m.removed())
          .append("</span><span><b>kept</b> ").append(m.kept()).append("</span>");
    }
    h.append("</p>\n");
    if (m.previousRunId() != null && !m.changes().rows().isEmpty()) {
      table(h, "changes-table", m.changes());
    }
    h.append("</section>\n");

    h.append("<section id=\"spec\"><h2>The spec this run ran</h2>\n<pre>").append(esc(c.specText()))
        .append("</pre></section>\n</body></html>\n");
    return h.toString();
  }

  private static void table(StringBuilder h, String id, Table t) {
    h.append("<table id=\"").append(id).append("\"><thead><tr>");
    for (int i = 0; i < t.columns().size(); i++) {
      String unit = t.units().get(i);
      h.append("<th>").append(esc(t.columns().get(i)));
      if (!unit.isEmpty()) {
        h.append(" <span class=\"unit\">(").append(esc(unit)).append(")</span>");
      }
      h.append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      for (String v : row) {
        boolean number = v.matches("-?[0-9.,eE+-]+");
        h.append(number ? "<td>" : "<td class=\"t\">").append(esc(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
