package io.mlsysim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlsysim.charts.CandidateTable;
import io.mlsysim.charts.Objective;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One committed run's tables, read into what the charts and the report need: the feasible
 * candidates as plain columns (at most {@link #MAX_POINTS}, every frontier point kept), the
 * objectives and their directions, and the run's record.
 */
final class RunPictures {
  /** A cloud of more points than this is thinned, deterministically by candidate id: beyond it a chart shows no more. */
  static final int MAX_POINTS = 4000;
  /** Columns of the results table that are bookkeeping, not something to plot. */
  static final Set<String> NOT_PLOTTED = Set.of("study", "run_id", "candidate_id", "status", "reason", "feasible",
      "generation");

  final Map<String, Object> run;
  final List<Objective> objectives;
  final CandidateTable candidates;
  final long okRows;

  private RunPictures(Map<String, Object> run, List<Objective> objectives, CandidateTable candidates, long okRows) {
    this.run = run;
    this.objectives = objectives;
    this.candidates = candidates;
    this.okRows = okRows;
  }

  /** One table of one committed run; null when the run wrote no row to it. */
  static Dataset<Row> ofRun(SparkSession spark, String root, String table, RunHistory.Run r) {
    Dataset<Row> rows = Tables.readRun(spark, root, table, r);
    return rows == null || rows.isEmpty() ? null : rows;
  }

  static RunPictures read(SparkSession spark, String root, RunHistory.Run r) {
    Map<String, Object> run = asMap(ofRun(spark, root, Tables.RUNS, r).collectAsList().get(0));
    List<Objective> objectives = objectives((String) run.get("spec_text"), r.objectives());
    Dataset<Row> results = ofRun(spark, root, Tables.RESULTS, r);
    Dataset<Row> frontier = ofRun(spark, root, Tables.FRONTIER, r);
    if (results == null) {
      return new RunPictures(run, objectives, new CandidateTable(List.of(), new boolean[0]), 0);
    }
    Dataset<Row> ok = results.filter(functions.col("status").equalTo("ok"));
    long okRows = ok.count();
    Dataset<Row> joined = ok.withColumn("front_id", functions.lit(null).cast("long"));
    if (frontier != null) {
      Dataset<Row> front = frontier.filter(functions.col("rank").equalTo(1))
          .select(functions.col("candidate_id").as("front_id")).distinct();
      joined = ok.join(front, ok.col("candidate_id").equalTo(front.col("front_id")), "left");
    }
    if (okRows > MAX_POINTS) {
      long every = (okRows + MAX_POINTS - 1) / MAX_POINTS;
      joined = joined.filter(functions.pmod(functions.col("candidate_id"), functions.lit(every)).equalTo(0)
          .or(functions.col("front_id").isNotNull()));
    }
    joined = joined.orderBy("candidate_id");
    List<Row> rows = joined.collectAsList();
    StructType schema = joined.schema();
    boolean[] onFrontier = new boolean[rows.size()];
    int frontIdx = schema.fieldIndex("front_id");
    for (int i = 0; i < rows.size(); i++) {
      onFrontier[i] = !rows.get(i).isNullAt(frontIdx);
    }
    List<CandidateTable.Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < schema.fields().length; c++) {
      StructField f = schema.fields()[c];
      if (NOT_PLOTTED.contains(f.name()) || f.name().equals("front_id") || !seen.add(f.name())) {
        continue;
      }
      columns.add(column(f, c, rows));
    }
    return new RunPictures(run, objectives, new CandidateTable(columns, onFrontier), okRows);
  }

  private static Map<String, Object> asMap(Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (StructField f : row.schema().fields()) {
      m.put(f.name(), row.get(row.fieldIndex(f.name())));
    }
    return m;
  }

  private static CandidateTable.Column column(StructField f, int c, List<Row> rows) {
    boolean decision = StudyRows.isDecision(f);
    if (f.dataType() instanceof NumericType || f.dataType() instanceof BooleanType) {
      double[] v = new double[rows.size()];
      for (int i = 0; i < v.length; i++) {
        Object x = rows.get(i).get(c);
        v[i] = x == null ? Double.NaN : x instanceof Boolean b ? (b ? 1 : 0) : ((Number) x).doubleValue();
      }
      String unit = f.metadata().contains(StudyRows.UNIT) ? f.metadata().getString(StudyRows.UNIT) : "";
      return CandidateTable.Column.numbers(f.name(), unit, decision, v);
    }
    String[] v = new String[rows.size()];
    for (int i = 0; i < v.length; i++) {
      Object x = rows.get(i).get(c);
      v[i] = x == null ? "" : String.valueOf(x);
    }
    return CandidateTable.Column.labels(f.name(), decision, v);
  }

  /**
   * The objectives with their directions, read from the spec text the run recorded (the runs row
   * lists names only). A spec this reader cannot follow leaves every objective minimised.
   */
  static List<Objective> objectives(String specText, List<String> names) {
    Map<String, Boolean> maximize = new LinkedHashMap<>();
    try {
      JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(specText == null ? "" : specText).path("objectives");
      for (JsonNode o : list) {
        if (o.has("maximize")) {
          maximize.put(o.get("maximize").asText(), true);
        } else if (o.has("minimize")) {
          maximize.put(o.get("minimize").asText(), false);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      maximize.clear();
    }
    List<Objective> out = new ArrayList<>();
    for (String n : names) {
      out.add(new Objective(n, maximize.getOrDefault(n, false)));
    }
    return out;
  }

  Objective objective(String column) {
    for (Objective o : objectives) {
      if (o.column().equals(column)) {
        return o;
      }
    }
    candidates.column(column); // refuses unknown columns with the list
    return Objective.minimize(column);
  }

  /** The default colour: the first decision variable that takes a few values in this run. */
  String defaultColour() {
    List<String> few = candidates.fewValuedDecisions(io.mlsysim.charts.Palette.CATEGORIES.size());
    return few.isEmpty() ? null : few.get(0);
  }

  String title() {
    return run.get("study") + " · run " + run.get("run_id");
  }
}
