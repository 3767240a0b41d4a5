package io.mlsysim.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's candidates as plain columns, for drawing: the charts package has no Spark, so the
 * Spark commands (and notebooks) copy the rows they want drawn into one of these. Each row is a
 * candidate; {@link #onFrontier} says which rows are on the Pareto frontier (rank 1).
 */
public final class CandidateTable {
  /**
   * One column. Numbers are NaN where missing; text columns (zoo names, precisions) carry labels
   * instead. {@code unit} is the symbol from the column's metadata, empty when dimensionless.
   */
  public record Column(String name, String unit, boolean decision, double[] numbers, String[] labels) {
    public boolean numeric() {
      return numbers != null;
    }

    public int size() {
      return numeric() ? numbers.length : labels.length;
    }

    /** The value of a row as text: the label, or the number without a trailing ".0". */
    public String text(int row) {
      if (!numeric()) {
        return labels[row];
      }
      double v = numbers[row];
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    public static Column numbers(String name, String unit, boolean decision, double[] values) {
      return new Column(name, unit == null ? "" : unit, decision, values, null);
    }

    public static Column labels(String name, boolean decision, String[] values) {
      return new Column(name, "", decision, null, values);
    }
  }

  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final boolean[] frontier;

  public CandidateTable(List<Column> columns, boolean[] onFrontier) {
    for (Column c : columns) {
      if (c.size() != onFrontier.length) {
        throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " values for "
            + onFrontier.length + " rows");
      }
      this.columns.put(c.name(), c);
    }
    this.frontier = onFrontier.clone();
  }

  public int rows() {
    return frontier.length;
  }

  public boolean onFrontier(int row) {
    return frontier[row];
  }

  public List<String> names() {
    return new ArrayList<>(columns.keySet());
  }

  /** A column by name; an unknown name is refused with the names there are. */
  public Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException("column '" + name + "' is not in the study's results; columns: "
          + String.join(", ", columns.keySet()));
    }
    return c;
  }

  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /** The decision variables that take between 2 and {@code max} values here: good colours. */
  public List<String> fewValuedDecisions(int max) {
    List<String> out = new ArrayList<>();
    for (Column c : columns.values()) {
      if (c.decision()) {
        long distinct = java.util.stream.IntStream.range(0, c.size()).mapToObj(c::text).distinct().count();
        if (distinct >= 2 && distinct <= max) {
          out.add(c.name());
        }
      }
    }
    return out;
  }
}
