package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a study's Pareto frontier (rank 1) moved between two runs. Points are matched by their
 * decision values, not by {@code candidate_id}: the comparison must hold when the space or the
 * strategy changes between runs, and the values are what a reader recognises. A point is
 * {@code added} (only in the newer run), {@code removed} (only in the older) or {@code kept}.
 *
 * <p>The decision columns compared are every input of either run (the columns marked as
 * decision variables, fixed inputs included): a point whose run has no such column never matches
 * one whose run has it, since different pipelines do not describe the same configurations.
 */
public final class FrontierChanges {
  public static final String ADDED = "added";
  public static final String REMOVED = "removed";
  public static final String KEPT = "kept";
  private static final List<String> ORDER = List.of(ADDED, REMOVED, KEPT);
  static final String PREVIOUS = "previous_";

  /** The columns every frontier_changes partition has, whatever the study's space. */
  static final StructType BASE_SCHEMA = DataTypes.createStructType(new StructField[] {
      field("change", DataTypes.StringType, false, "", "added | removed | kept"),
      field("previous_run_id", DataTypes.StringType, true, "", "the run compared with; null on a study's first run"),
      field("candidate_id", DataTypes.LongType, true, "", "the point's id in this run; null when removed"),
      field(PREVIOUS + "candidate_id", DataTypes.LongType, true, "", "its id in the previous run; null when added")});

  private FrontierChanges() {}

  /** The counts a run records and prints. */
  public record Movement(String previousRunId, long added, long removed, long kept) {
    /** The progress line: "frontier since run R: 3 added, 2 removed, 7 kept". */
    public String describe() {
      return previousRunId == null ? "first run of this study; frontier of " + added + " points"
          : String.format("frontier since run %s: %d added, %d removed, %d kept", previousRunId, added, removed, kept);
    }
  }

  /** One run's frontier: its rank-1 rows with the schema they were written with, and its objectives. */
  record Snapshot(String runId, StructType schema, List<Row> rows, List<String> objectives) {
    /** One run's frontier rows (any rank; rank 1 is kept), without the table's key columns. */
    static Snapshot of(Dataset<Row> frontier, String runId, List<String> objectives) {
      Dataset<Row> f = frontier.drop(Tables.STUDY, Tables.RUN_ID, Tables.COMMIT_ID)
          .filter(functions.col("rank").equalTo(1));
      return new Snapshot(runId, f.schema(), f.collectAsList(), objectives);
    }

    List<String> decisions() {
      List<String> d = new ArrayList<>();
      for (StructField f : schema.fields()) {
        if (StudyRows.isDecision(f)) {
          d.add(f.name());
        }
      }
      return d;
    }

    Object value(Row r, String column) {
      return java.util.Arrays.asList(schema.fieldNames()).contains(column) ? r.get(schema.fieldIndex(column)) : null;
    }

    StructField field(String column) {
      return java.util.Arrays.asList(schema.fieldNames()).contains(column) ? schema.apply(column) : null;
    }
  }

  /** The rows of frontier_changes for one comparison, and its counts. */
  public record Result(StructType schema, List<Row> rows, Movement movement) {
    public Dataset<Row> toDataset(SparkSession spark) {
      return spark.createDataFrame(rows, schema);
    }
  }

  /** Changes between two committed runs of a study, whichever they are. */
  static Result between(SparkSession spark, String root, RunHistory.Run from, RunHistory.Run to) {
    return compare(committed(spark, root, from), committed(spark, root, to));
  }

  static Snapshot committed(SparkSession spark, String root, RunHistory.Run run) {
    Dataset<Row> f = Tables.readRun(spark, root, Tables.FRONTIER, run);
    return f == null ? new Snapshot(run.runId(), new StructType(), List.of(), run.objectives())
        : Snapshot.of(f, run.runId(), run.objectives());
  }

  /** Compares the next run's frontier with the previous one's (null on a study's first run: all added). */
  static Result compare(Snapshot previous, Snapshot next) {
    Snapshot prev = previous != null ? previous : new Snapshot(null, new StructType(), List.of(), List.of());
    List<String> decisions = union(next.decisions(), prev.decisions());
    List<String> objectives = union(next.objectives(), prev.objectives());

    Map<String, Row> before = byKey(prev, decisions);
    Map<String, Row> after = byKey(next, decisions);
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, Row> e : after.entrySet()) {
      Row old = before.get(e.getKey());
      changes.add(new Change(old == null ? ADDED : KEPT, e.getKey(), e.getValue(), old));
    }
    for (Map.Entry<String, Row> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        changes.add(new Change(REMOVED, e.getKey(), null, e.getValue()));
      }
    }
    String first = objectives.isEmpty() ? null : objectives.get(0);
    changes.sort(Comparator.comparingInt((Change c) -> ORDER.indexOf(c.change))
        .thenComparing(c -> number(c.now != null ? next.value(c.now, first) : prev.value(c.then, first)),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(c -> c.key));

    StructType schema = BASE_SCHEMA;
    List<DataType> decisionTypes = new ArrayList<>();
    for (String d : decisions) {
      StructField n = next.field(d);
      StructField p = prev.field(d);
      StructField src = n != null ? n : p;
      DataType t = n != null && p != null && !n.dataType().equals(p.dataType()) ? DataTypes.StringType
          : src.dataType();
      decisionTypes.add(t);
      schema = schema.add(new StructField(d, t, true, src.metadata()));
    }
    for (String o : objectives) {
      StructField src = next.field(o) != null ? next.field(o) : prev.field(o);
      String unit = src != null && src.metadata().contains(StudyRows.UNIT) ? src.metadata().getString(StudyRows.UNIT)
          : "";
      schema = schema.add(field(o, DataTypes.DoubleType, true, unit, "objective in this run; null when removed"))
          .add(field(PREVIOUS + o, DataTypes.DoubleType, true, unit, "objective in the previous run; null when added"));
    }

    List<Row> rows = new ArrayList<>(changes.size());
    long[] counts = new long[ORDER.size()];
    for (Change c : changes) {
      counts[ORDER.indexOf(c.change)]++;
      List<Object> v = new ArrayList<>();
      v.add(c.change);
      v.add(prev.runId());
      v.add(c.now == null ? null : next.value(c.now, "candidate_id"));
      v.add(c.then == null ? null : prev.value(c.then, "candidate_id"));
      for (int i = 0; i < decisions.size(); i++) {
        Object x = c.now != null ? next.value(c.now, decisions.get(i)) : prev.value(c.then, decisions.get(i));
        v.add(decisionTypes.get(i).equals(DataTypes.StringType) && x != null ? String.valueOf(x) : x);
      }
      for (String o : objectives) {
        v.add(c.now == null ? null : number(next.value(c.now, o)));
        v.add(c.then == null ? null : number(prev.value(c.then, o)));
      }
      rows.add(RowFactory.create(v.toArray()));
    }
    return new Result(schema, rows, new Movement(prev.runId(), counts[0], counts[1], counts[2]));
  }

  private record Change(String change, String key, Row now, Row then) {}

  /** The point's decision values in a canonical text: integral numbers compare equal whatever their type. */
  private static Map<String, Row> byKey(Snapshot s, List<String> decisions) {
    Map<String, Row> m = new LinkedHashMap<>();
    for (Row r : s.rows()) {
      StringBuilder k = new StringBuilder();
      for (String d : decisions) {
        Object v = s.value(r, d);
        k.append(d).append('=');
        if (v == null) {
          k.append("\u0000null");
        } else if (v instanceof Number n && (v instanceof Long || v instanceof Integer
            || n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15)) {
          k.append('n').append(n.longValue());
        } else if (v instanceof Number n) {
          k.append('n').append(n.doubleValue());
        } else {
          k.append('s').append(v);
        }
        k.append('\u0001');
      }
      m.putIfAbsent(k.toString(), r); // a frontier lists distinct configurations; keep the first if not
    }
    return m;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }

  private static StructField field(String name, DataType type, boolean nullable, String unit, String comment) {
    Metadata m = new MetadataBuilder().putString(StudyRows.UNIT, unit).putString("comment", comment).build();
    return DataTypes.createStructField(name, type, nullable, m);
  }
}
