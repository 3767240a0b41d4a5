package io.mlsysim.spark;

import io.mlsysim.charts.Chart;
import io.mlsysim.charts.ChartWriter;
import io.mlsysim.charts.Objective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim study report}: one self-contained HTML page about a run — provenance, counts,
 * the frontier with units, its charts, why candidates failed, and how the frontier moved.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a self-contained HTML report of a study run (default: the latest): provenance, counts by "
        + "status, the frontier table and charts, reasons for infeasibility, frontier movement since the previous run.",
        "Example: mlsysim study report quickstart --to quickstart.html"})
final class StudyReport extends StudyCommand.Common implements Callable<Integer> {
  /** Frontier and change rows shown in the page; the rest is in the tables. */
  static final int MAX_TABLE_ROWS = 100;

  @Parameters(index = "0", paramLabel = "STUDY", description = "the study's name, as 'mlsysim study show' lists it")
  String study;

  @Option(names = "--run", paramLabel = "RUN", description = "which run (default: the latest)")
  String runId;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "the page to write, FILE.html")
  Path to;

  @Override
  public Integer call() {
    String name = to.getFileName() == null ? "" : to.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".html") && !name.endsWith(".htm")) {
      throw new IllegalArgumentException("--to '" + to + "': the report is an HTML page; end the file name in .html");
    }
    String root = root(null);
    RunChoice.Chosen chosen = RunChoice.choose("report", study, runId, root);
    SparkSession spark = Sessions.local(master, "mlsysim study report " + study);
    try {
      ReportPage.Content content = content(spark, root, chosen);
      write(ReportPage.render(content), to);
      stdout().println("wrote " + to + ": run " + chosen.run().runId() + " of " + study + ", "
          + content.frontier().total() + " frontier rows, " + content.figures().size() + " charts");
      stdout().flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  static void write(String html, Path to) {
    try {
      Path parent = to.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(to, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--to '" + to + "': cannot write the report there (" + e.getMessage() + ")");
    }
  }

  static ReportPage.Content content(SparkSession spark, String root, RunChoice.Chosen chosen) {
    RunHistory.Run run = chosen.run();
    RunPictures p = RunPictures.read(spark, root, run);
    Map<String, String> provenance = new LinkedHashMap<>();
    for (String k : List.of("study", "run_id", "started_at", "wall_seconds", "spec_origin", "spec_sha256", "zoo_digest",
        "zoo_overlays", "engine_version", "git_commit", "resolvers", "spark_version", "spark_master", "strategy", "seed",
        "space_size", "candidates", "rows", "inputs_fingerprint", "previous_run_id")) {
      if (p.run.containsKey(k)) {
        Object v = p.run.get(k);
        provenance.put(k, v == null ? "—" : String.valueOf(v));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String k : List.of("ok", "infeasible", "constraint_violated", "error")) {
      counts.put(k, p.run.get(k) == null ? 0L : ((Number) p.run.get(k)).longValue());
    }

    List<ReportPage.Figure> figures = new ArrayList<>();
    if (p.okRows > 0) {
      List<Chart> charts = StudyPlot.charts(p, null, null, null);
      for (int i = 0, k = 0; i < p.objectives.size(); i++) {
        for (int j = i + 1; j < p.objectives.size(); j++, k++) {
          figures.add(new ReportPage.Figure(p.objectives.get(i).column() + " against " + p.objectives.get(j).column(),
              ChartWriter.svgElement(List.of(charts.get(k)))));
        }
      }
    }

    Dataset<Row> results = RunPictures.ofRun(spark, root, Tables.RESULTS, run);
    List<Row> reasons = results == null ? List.of() : results.filter(functions.col("status").notEqual("ok"))
        .groupBy("status", "reason").count()
        .orderBy(functions.col("count").desc(), functions.col("status"), functions.col("reason"))
        .limit(MAX_TABLE_ROWS).collectAsList();
    List<List<String>> reasonRows = new ArrayList<>();
    for (Row r : reasons) {
      reasonRows.add(List.of(r.getString(0), r.isNullAt(1) ? "" : r.getString(1), String.valueOf(r.getLong(2))));
    }
    ReportPage.Table reasonTable = new ReportPage.Table(List.of("status", "reason", "candidates"), List.of("", "", ""),
        reasonRows, reasonRows.size());

    return new ReportPage.Content(run.study(), run.runId(), provenance, counts, frontier(spark, root, run, p),
        figures, reasonTable, movement(spark, root, run, p), String.valueOf(p.run.get("spec_text")));
  }

  /** Rank-1 rows: the decision variables that vary among them, then the objectives, best first on the first. */
  static ReportPage.Table frontier(SparkSession spark, String root, RunHistory.Run run, RunPictures p) {
    Dataset<Row> f = RunPictures.ofRun(spark, root, Tables.FRONTIER, run);
    if (f == null) {
      List<String> names = p.objectives.stream().map(Objective::column).toList();
      return new ReportPage.Table(names, names.stream().map(n -> "").toList(), List.of(), 0);
    }
    f = f.filter(functions.col("rank").equalTo(1));
    List<Row> all = f.collectAsList();
    List<String> shown = new ArrayList<>();
    for (StructField field : f.schema().fields()) {
      if (StudyRows.isDecision(field) && distinct(all, f.schema().fieldIndex(field.name())) > 1) {
        shown.add(field.name());
      }
    }
    p.objectives.forEach(o -> shown.add(o.column()));
    Objective first = p.objectives.get(0);
    Column order = first.maximize() ? functions.col(first.column()).desc() : functions.col(first.column()).asc();
    Dataset<Row> sorted = f.orderBy(order, functions.col("candidate_id")).select(shown.stream().map(functions::col)
        .toArray(Column[]::new));
    return table(sorted, sorted.limit(MAX_TABLE_ROWS).collectAsList(), all.size());
  }

  static ReportPage.Movement movement(SparkSession spark, String root, RunHistory.Run run, RunPictures p) {
    Dataset<Row> stored = RunPictures.ofRun(spark, root, Tables.FRONTIER_CHANGES, run);
    Object previous = p.run.get("previous_run_id");
    if (stored == null) { // a run from before frontier_changes was recorded
      return new ReportPage.Movement(previous == null ? null : previous.toString(), 0, 0, 0,
          new ReportPage.Table(List.of(), List.of(), List.of(), 0));
    }
    Dataset<Row> changes = stored.drop("previous_run_id", "candidate_id", "previous_candidate_id");
    List<Row> rows = changes.collectAsList();
    long[] n = new long[3];
    List<String> kinds = List.of("added", "removed", "kept");
    for (Row r : rows) {
      int k = kinds.indexOf(r.getString(r.fieldIndex("change")));
      if (k >= 0) {
        n[k]++;
      }
    }
    // Shown: what entered and what left; the kept points are the frontier table already.
    Dataset<Row> moved = changes.filter(functions.col("change").notEqual("kept"));
    ReportPage.Table t = table(moved, moved.limit(MAX_TABLE_ROWS).collectAsList(), n[0] + n[1]);
    return new ReportPage.Movement(previous == null ? null : previous.toString(), n[0], n[1], n[2], t);
  }

  private static long distinct(List<Row> rows, int column) {
    Set<Object> values = new HashSet<>();
    rows.forEach(r -> values.add(r.get(column)));
    return values.size();
  }

  private static ReportPage.Table table(Dataset<Row> d, List<Row> rows, long total) {
    List<String> columns = new ArrayList<>();
    List<String> units = new ArrayList<>();
    for (StructField f : d.schema().fields()) {
      columns.add(f.name());
      units.add(f.metadata().contains(StudyRows.UNIT) ? f.metadata().getString(StudyRows.UNIT) : "");
    }
    List<List<String>> text = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        cells.add(v == null ? "" : v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : String.valueOf(v));
      }
      text.add(cells);
    }
    return new ReportPage.Table(columns, units, text, total);
  }
}
