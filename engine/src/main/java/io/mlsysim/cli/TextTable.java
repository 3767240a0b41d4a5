package io.mlsysim.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text or Markdown table with columns sized to their content. */
final class TextTable {
  private final List<String> headers;
  private final List<Boolean> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(List<String> headers, List<Boolean> rightAligned) {
    this.headers = headers;
    this.rightAligned = rightAligned;
  }

  void add(List<String> row) {
    rows.add(row);
  }

  String render(OutputFormat format) {
    return format == OutputFormat.MARKDOWN ? markdown() : text();
  }

  private String text() {
    int[] widths = widths();
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths, "  ");
    for (int i = 0; i < widths.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("─".repeat(widths[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) {
      line(sb, r, widths, "  ");
    }
    return sb.toString();
  }

  private String markdown() {
    StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
    for (int i = 0; i < headers.size(); i++) {
      sb.append(rightAligned.get(i) ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return sb.toString();
  }

  private int[] widths() {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    return w;
  }

  private void line(StringBuilder sb, List<String> cells, int[] widths, String gap) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String c = cells.get(i);
      String pad = " ".repeat(widths[i] - c.length());
      l.append(i == 0 ? "" : gap).append(rightAligned.get(i) ? pad + c : c + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
