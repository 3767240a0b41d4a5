package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Renders a few rows for a terminal (text), for Markdown, or as JSON lines. */
final class Tabulate {
  private Tabulate() {}

  static String render(StructType schema, List<Row> rows, String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> json(schema, rows);
      case "markdown" -> table(schema, rows, true);
      default -> table(schema, rows, false);
    };
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      double a = Math.abs(d);
      if (d == Math.rint(d) && a < 1e15) {
        return String.format(Locale.ROOT, "%,d", d.longValue());
      }
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      // Plain digits, never 2.534e+06: people compare rows by eye, and the exponent hides the
      // magnitude. Large values to the unit, tiny ones to 4 significant digits, the rest to 4
      // decimals. Double.toString's shortest form keeps binary noise out of long numbers.
      java.math.BigDecimal b = java.math.BigDecimal.valueOf(d);
      if (a >= 1e6) {
        return String.format(Locale.ROOT, "%,d", b.setScale(0, java.math.RoundingMode.HALF_EVEN).toBigInteger());
      }
      if (a != 0 && a < 1e-3) {
        return b.round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
      }
      return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return String.valueOf(v);
  }

  private static String header(StructField f) {
    return f.name();
  }

  /** The quantity kind of a column from its unit metadata, or null for plain numbers. */
  static io.mlsysim.units.QuantityKind kindOf(StructField f) {
    if (!f.metadata().contains(StudyRows.UNIT)) {
      return null;
    }
    String unit = f.metadata().getString(StudyRows.UNIT);
    for (io.mlsysim.units.QuantityKind k : io.mlsysim.units.QuantityKind.values()) {
      if (!unit.isEmpty() && k.canonicalSymbol().equals(unit)) {
        return k;
      }
    }
    return null;
  }

  /** One value as a table for people shows it: quantities in readable units, other numbers plainly. */
  static String display(StructField f, Object v) {
    return display(kindOf(f), v);
  }

  private static String display(io.mlsysim.units.QuantityKind kind, Object v) {
    // Tables for people show quantities in readable units ("45.0 days", "$2.53M"); JSON stays SI.
    return kind != null && v instanceof Double d ? io.mlsysim.units.Display.format(d, kind) : cell(v);
  }

  private static String table(StructType schema, List<Row> rows, boolean markdown) {
    int n = schema.size();
    io.mlsysim.units.QuantityKind[] kinds = new io.mlsysim.units.QuantityKind[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = kindOf(schema.fields()[i]);
    }
    List<String[]> cells = new ArrayList<>();
    String[] head = new String[n];
    for (int i = 0; i < n; i++) {
      head[i] = header(schema.fields()[i]);
    }
    cells.add(head);
    for (Row r : rows) {
      String[] c = new String[n];
      for (int i = 0; i < n; i++) {
        c[i] = display(kinds[i], r.get(i));
        if (markdown) {
          // A bare '|' would end the cell (the frontier's "0|1|2" summaries, any string holding one).
          c[i] = c[i].replace("|", "\\|");
        }
      }
      cells.add(c);
    }
    int[] w = new int[n];
    for (String[] c : cells) {
      for (int i = 0; i < n; i++) {
        w[i] = Math.max(w[i], c[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < cells.size(); k++) {
      String[] c = cells.get(k);
      if (markdown) {
        sb.append('|');
      }
      for (int i = 0; i < n; i++) {
        boolean numeric = k > 0 && !rows.isEmpty() && rows.get(k - 1).get(i) instanceof Number;
        String s = numeric ? " ".repeat(w[i] - c[i].length()) + c[i] : c[i] + " ".repeat(w[i] - c[i].length());
        sb.append(markdown ? " " + s + " |" : (i == 0 ? "" : "  ") + s);
      }
      sb.append('\n');
      if (k == 0) {
        if (markdown) {
          sb.append('|');
        }
        for (int i = 0; i < n; i++) {
          sb.append(markdown ? "-" + "-".repeat(w[i]) + "-|" : (i == 0 ? "" : "  ") + "─".repeat(w[i]));
        }
        sb.append('\n');
      }
    }
    return sb.toString().replaceAll(" +\n", "\n");
  }

  private static String json(StructType schema, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      sb.append('{');
      for (int i = 0; i < schema.size(); i++) {
        sb.append(i == 0 ? "" : ",").append('"').append(schema.fields()[i].name()).append("\":");
        jsonValue(sb, r.get(i));
      }
      sb.append("}\n");
    }
    return sb.toString();
  }

  /** A scalar, or a JSON array for a list (a frontier group's distinct values of a dimension). */
  private static void jsonValue(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int k = 0; k < list.size(); k++) {
        sb.append(k == 0 ? "" : ",");
        jsonValue(sb, list.get(k));
      }
      sb.append(']');
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v instanceof Double d && !Double.isFinite(d) ? "null" : v.toString());
    } else {
      sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    }
  }
}
