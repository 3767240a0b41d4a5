package io.mlsysim.spark;

import io.mlsysim.dse.Dimension;
import io.mlsysim.dse.StudyPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Prints a run's frontier one row per distinct objective vector ({@link FrontierGroups}): the
 * dimensions the spec varies, the objectives and {@code configs}, best first by the first
 * objective. A dimension constant within a group shows its value; one that varies shows its
 * distinct values joined by {@code |} in text and Markdown (read "any of"; a comma would be
 * ambiguous beside the thousands separators numbers are printed with) and as an array in JSON.
 * The frontier table itself keeps every configuration.
 */
final class FrontierPrinter {
  /** Distinct values listed in full; beyond this a summary keeps the first few and the last. */
  static final int MAX_LISTED = 6;

  private FrontierPrinter() {}

  static void print(SparkSession spark, String root, StudyPlan plan, RunHistory.Run run, int rank, int limit,
      String format, PrintWriter out) {
    print(Tables.readRun(spark, root, Tables.FRONTIER, run), plan, rank, limit, format, out);
  }

  /** Prints the frontier rows {@code frontier} holds (a committed run's, or the run that just committed them). */
  static void print(Dataset<Row> frontier, StudyPlan plan, int rank, int limit, String format, PrintWriter out) {
    Dataset<Row> f = frontier.filter(functions.col("rank").leq(rank));
    List<String> dims = shownDimensions(plan);
    List<String> keys = new ArrayList<>();
    if (rank > 1) {
      keys.add("rank");
    }
    keys.addAll(plan.objectiveNames());
    Dataset<Row> groups = FrontierGroups.of(f, keys, dims);
    List<Row> top = groups.orderBy(order(plan, rank)).limit(limit).collectAsList();
    long[] totals = FrontierGroups.totals(groups);

    StructType shown = schema(f.schema(), rank, dims, plan.objectiveNames());
    boolean json = format.equalsIgnoreCase("json");
    List<Row> rows = new ArrayList<>(top.size());
    for (Row g : top) {
      rows.add(displayRow(g, shown, json));
    }
    if (format.equalsIgnoreCase("text")) {
      out.printf("Pareto frontier of %s (%s)%s:%n", plan.name(), objectivesText(plan),
          totals[0] > limit ? ", first " + limit + " objective vectors" : "");
    }
    out.print(Tabulate.render(shown, rows, format));
    if (!json) {
      out.println((format.equalsIgnoreCase("markdown") ? "\n" : "") + footer(totals[0], totals[1], rank));
    }
  }

  /** The dimensions worth a column: those the spec lets take more than one value. */
  static List<String> shownDimensions(StudyPlan plan) {
    List<String> dims = new ArrayList<>();
    for (Dimension d : plan.space().dimensions()) {
      if (d.size() > 1 || d.isContinuous()) {
        dims.add(d.name());
      }
    }
    return dims;
  }

  static String footer(long vectors, long configs, int rank) {
    return String.format(Locale.ROOT, "%,d distinct objective vector%s from %,d %s", vectors, vectors == 1 ? "" : "s",
        configs, rank > 1 ? "configurations of ranks 1–" + rank : "frontier configuration" + (configs == 1 ? "" : "s"));
  }

  /** Rank, then the objectives each in its own direction, then a stable tie-break. */
  private static Column[] order(StudyPlan plan, int rank) {
    List<Column> order = new ArrayList<>();
    if (rank > 1) {
      order.add(functions.col("rank"));
    }
    for (int i = 0; i < plan.objectiveCount(); i++) {
      Column c = functions.col(plan.objectiveNames().get(i));
      order.add(plan.maximize(i) ? c.desc() : c.asc());
    }
    order.add(functions.col(FrontierGroups.FIRST_CANDIDATE));
    return order.toArray(new Column[0]);
  }

  /** [rank,] dimensions, objectives (with the frontier's unit metadata), configs. */
  private static StructType schema(StructType frontier, int rank, List<String> dims, List<String> objectives) {
    StructType s = new StructType();
    if (rank > 1) {
      s = s.add(frontier.apply("rank"));
    }
    for (String d : dims) {
      s = s.add(frontier.apply(d));
    }
    for (String o : objectives) {
      s = s.add(frontier.apply(o));
    }
    return s.add(FrontierGroups.CONFIGS, DataTypes.LongType, false);
  }

  /** One group in the order of {@code shown}; a dimension's values collapse to one when constant. */
  private static Row displayRow(Row group, StructType shown, boolean json) {
    Object[] v = new Object[shown.size()];
    for (int i = 0; i < v.length; i++) {
      StructField field = shown.fields()[i];
      Object value = group.get(group.fieldIndex(field.name()));
      if (value instanceof scala.collection.Seq<?>) {
        List<Object> distinct = group.getList(group.fieldIndex(field.name()));
        value = distinct.isEmpty() ? null : distinct.size() == 1 ? distinct.get(0) : json ? distinct : summary(field, distinct);
      }
      v[i] = value;
    }
    return RowFactory.create(v);
  }

  /** {@code 0|1|2}; past {@link #MAX_LISTED} values {@code 1|2|4|…|64 (7 values)}. */
  static String summary(StructField field, List<?> distinct) {
    List<String> shown = new ArrayList<>();
    if (distinct.size() <= MAX_LISTED) {
      for (Object o : distinct) {
        shown.add(Tabulate.display(field, o));
      }
      return String.join("|", shown);
    }
    for (int k = 0; k < MAX_LISTED - 3; k++) {
      shown.add(Tabulate.display(field, distinct.get(k)));
    }
    shown.add("…");
    shown.add(Tabulate.display(field, distinct.get(distinct.size() - 1)));
    return String.join("|", shown) + " (" + distinct.size() + " values)";
  }

  private static String objectivesText(StudyPlan plan) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < plan.objectiveCount(); i++) {
      s.add((plan.maximize(i) ? "max " : "min ") + plan.objectiveNames().get(i));
    }
    return String.join(", ", s);
  }
}
