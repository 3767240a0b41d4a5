package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.dse.Pareto;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One local[2] session for the class; real Parquet tables in a temporary folder. */
class StudyRunnerTest {
  static final Zoo ZOO = Zoo.builtIn();
  static SparkSession spark;
  @TempDir
  static Path dir;

  static final String FLAKY = """
      name: flaky
      pipeline: [flaky]
      space:
        x: {range: [0, 39]}
        y: {range: [0, 59], step: 1}
        w: {continuous: [0.5, 2.0], grid_points: 4}
      conditions: ['x + y != 50']
      constraints: ['f2_usd <= 12']
      objectives: [{minimize: f1_s}, {minimize: f2_usd}]
      """;

  @BeforeAll
  static void start() {
    spark = Sessions.local("local[2]", "StudyRunnerTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static StudyRunner.Summary run(String spec, String root, String runId, int partitions) {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("test.yaml", spec), ZOO);
    return new StudyRunner(spark, new PrintWriter(new StringWriter())).run(plan, ZOO,
        new StudyRunner.Options(root, runId, partitions));
  }

  @Test
  void flakyStudyWritesEveryTableWithErrorRowsAndAnExactFrontier() {
    String root = dir.resolve("flaky").toString();
    StudyRunner.Summary s = run(FLAKY, root, "r1", 5);
    long admitted = 40L * 60 * 4 - 4 * 40; // x + y == 50 happens for x in 0..39 (y = 50 - x ≤ 59): 40 pairs × 4 w
    assertEquals(40L * 60 * 4, s.candidates());
    assertEquals(admitted, s.rows());
    assertEquals(60L * 4 - 4, s.statusCounts().get("error")); // x = 13, except y = 37
    assertTrue(s.statusCounts().get("infeasible") > 0 && s.statusCounts().get("constraint_violated") > 0);

    Dataset<Row> results = Tables.read(spark, root, Tables.RESULTS);
    assertEquals(admitted, results.count());
    assertEquals(admitted, results.select("candidate_id").distinct().count());
    assertEquals("s", results.schema().apply("f1_s").metadata().getString(StudyRows.UNIT));
    assertEquals("USD", results.schema().apply("f2_usd").metadata().getString(StudyRows.UNIT));
    Row err = results.filter("status = 'error'").first();
    assertEquals("ArithmeticException: x = 13 is unlucky", err.getAs("reason"));
    assertEquals("r1", err.getAs("run_id"));

    Row runRow = Tables.read(spark, root, Tables.RUNS).first();
    assertEquals(admitted, runRow.<Long>getAs("rows"));
    assertEquals(64, runRow.<String>getAs("spec_sha256").length());
    assertEquals(ZOO.digest(), runRow.getAs("zoo_digest"));
    assertEquals("flaky@test", runRow.getAs("resolvers"));
    assertEquals("local[2]", runRow.getAs("spark_master"));

    // Frontier against the O(n²) definition over every ok row.
    List<Row> ok = results.filter("status = 'ok'").select("candidate_id", "f1_s", "f2_usd").collectAsList();
    List<double[]> pts = new ArrayList<>();
    for (Row r : ok) {
      pts.add(new double[] {r.getDouble(1), r.getDouble(2)});
    }
    int[] rank = bruteRanks(pts, 3);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < ok.size(); i++) {
      if (rank[i] <= 3) {
        expected.add(ok.get(i).getLong(0) + ":" + rank[i]);
      }
    }
    Set<String> got = new TreeSet<>();
    for (Row r : Tables.read(spark, root, Tables.FRONTIER).select("candidate_id", "rank").collectAsList()) {
      got.add(r.getLong(0) + ":" + r.getInt(1));
    }
    assertEquals(expected, got);
    assertTrue(got.stream().anyMatch(x -> x.endsWith(":1")));
  }

  /** Ranks by the definition: rank 1 is undominated; rank r has a dominator of rank r-1. */
  static int[] bruteRanks(List<double[]> pts, int max) {
    int[] rank = new int[pts.size()];
    java.util.Arrays.fill(rank, max + 1);
    Set<Integer> left = new HashSet<>();
    for (int i = 0; i < pts.size(); i++) {
      left.add(i);
    }
    for (int r = 1; r <= max; r++) {
      List<Integer> layer = new ArrayList<>();
      for (int i : left) {
        boolean dominated = false;
        for (int j : left) {
          if (j != i && Pareto.dominates(pts.get(j), pts.get(i))) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          layer.add(i);
        }
      }
      for (int i : layer) {
        rank[i] = r;
        left.remove(i);
      }
    }
    return rank;
  }

  @Test
  void reRunningARunIdReplacesOnlyItsOwnPartitionsAndHalfRunsAreInvisible() throws Exception {
    String root = dir.resolve("rerun").toString();
    run(FLAKY, root, "a", 3);
    run(FLAKY.replace("[0, 39]", "[0, 9]"), root, "b", 2);
    long a = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'a'").count();
    long b = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'b'").count();
    assertTrue(a > b && b > 0);
    // re-run b with another space: b changes, a stays
    StudyRunner.Summary b2 = run(FLAKY.replace("[0, 39]", "[0, 4]"), root, "b", 4);
    assertEquals(a, Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'a'").count());
    assertEquals(b2.rows(), Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'b'").count());
    assertEquals(2, Tables.read(spark, root, Tables.RUNS).count());
    // Attempts no runs row names (runs killed before their commit) are invisible in the views,
    // and the study's clean-up drops them from the tables themselves.
    Dataset<Row> some = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'a'").limit(7)
        .drop(Tables.STUDY, Tables.RUN_ID);
    Tables.append(some, root, Tables.RESULTS, "flaky", "b", "20990101T000000.000000Z_0000000b");
    Tables.append(some, root, Tables.RESULTS, "flaky", "c", "20990101T000000.000000Z_0000000c");
    assertEquals(b2.rows(), Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'b'").count());
    assertEquals(0, Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'c'").count());
    Dataset<Row> plain = spark.read().format("delta").load(root + "/results");
    assertEquals(a + b2.rows() + 14, plain.count());
    assertEquals(List.of(new Orphans.Attempt("b", "20990101T000000.000000Z_0000000b"),
        new Orphans.Attempt("c", "20990101T000000.000000Z_0000000c")), Orphans.drop(spark, root, "flaky", null));
    assertEquals(a + b2.rows(), spark.read().format("delta").load(root + "/results").count());
    assertEquals(List.of(), Orphans.drop(spark, root, "flaky", null));
  }

  @Test
  void aRunRegistersItsTablesAndViewsOfCommittedRowsInTheCatalogDatabaseItsSpecNames() {
    String root = dir.resolve("catalogued").toString();
    String spec = FLAKY.replace("[0, 39]", "[0, 4]") + "output: {catalog: studies_it}\n";
    StudyRunner.Summary s = run(spec, root, "k", 2);
    for (String t : Tables.VIEWS) {
      assertTrue(spark.catalog().tableExists("studies_it", t), t);
    }
    assertEquals(s.rows(), spark.sql("SELECT count(*) FROM studies_it.committed_results").first().getLong(0));
    // rows of an attempt that never committed are in the table, not in the view
    Dataset<Row> some = Tables.read(spark, root, Tables.RESULTS).limit(3).drop(Tables.STUDY, Tables.RUN_ID);
    Tables.append(some, root, Tables.RESULTS, "flaky", "x", "20990101T000000.000000Z_0000000x");
    assertEquals(s.rows() + 3, spark.sql("SELECT count(*) FROM studies_it.results").first().getLong(0));
    assertEquals(s.rows(), spark.sql("SELECT count(*) FROM studies_it.committed_results").first().getLong(0));
    assertEquals(s.frontierRows(), spark.sql("SELECT count(*) FROM studies_it.committed_frontier").first().getLong(0));
    IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> StudySpec.parse("test.yaml", FLAKY + "output: {catalog: my-db}\n"));
    assertTrue(bad.getMessage().contains("output.catalog: 'my-db' is not a database name; use letters, digits and "
        + "'_'"), bad.getMessage());
  }

  /** An Error or a NaN from a pipeline is the candidate's row, not the job's end. */
  @Test
  void anErrorOrANonFiniteResultIsAnErrorRowAndTheRunCompletes() {
    String root = dir.resolve("unsafe").toString();
    StudyRunner.Summary s = run("name: unsafe\npipeline: [unsafe]\nspace:\n  x: {range: [0, 5]}\n"
        + "objectives: [{minimize: cost_usd}]\n", root, "u", 2);
    assertEquals(6, s.rows());
    assertEquals(2L, s.statusCounts().get("error"));
    List<Row> errors = Tables.read(spark, root, Tables.RESULTS).filter("status = 'error'").orderBy("x")
        .select("x", "reason").collectAsList();
    assertEquals(List.of("2: result cost_usd is NaN (not a finite number)", "3: AssertionError: x = 3 breaks an invariant"),
        errors.stream().map(r -> r.getLong(0) + ": " + r.getString(1)).toList());
  }

  @Test
  void theQuickstartRunsAndItsTablesAnswerSql() {
    String root = dir.resolve("quick").toString();
    StudyPlan plan = StudyPlan.compile(StudySpec.read(Path.of("../configs/studies/quickstart.yaml")), ZOO);
    StudyRunner.Summary s = new StudyRunner(spark, null).run(plan, ZOO, new StudyRunner.Options(root, null, 0));
    assertTrue(s.statusCounts().get("ok") > 0);
    Tables.registerViews(spark, root);
    Row r = spark.sql("SELECT count(*), min(duration_s) FROM results WHERE status = 'ok'").first();
    assertEquals(s.statusCounts().get("ok"), r.getLong(0));
    Row f = spark.sql("SELECT min(duration_s) FROM frontier WHERE rank = 1").first();
    assertEquals(r.getDouble(1), f.getDouble(0), 0.0, "the fastest feasible run is Pareto-optimal");
    assertTrue(spark.sql("SELECT * FROM sources WHERE kind = 'calibration'").count() > 5);
    assertFalse(spark.sql("SELECT * FROM sources WHERE kind = 'hardware' AND name = 'H100'").isEmpty());
    // the quickstart varies fleet, fixes workload, and duration_s is a result in seconds
    Map<String, String> kinds = new java.util.TreeMap<>();
    for (Row c : spark.sql("SELECT column, kind, unit FROM columns WHERE column IN ('fleet', 'workload', 'duration_s')")
        .collectAsList()) {
      kinds.put(c.getString(0), c.getString(1) + "/" + c.getString(2));
    }
    assertEquals(Map.of("fleet", "decision/null", "workload", "fixed input/null", "duration_s", "result/s"), kinds);
    assertEquals(spark.sql("SELECT * FROM results").columns().length, spark.sql("SELECT * FROM columns").count() + 2,
        "one columns row per results column, the study and run_id keys aside");
  }

  @Test
  void nsga2EvaluatesEachGenerationOnSparkAndIsSeeded() throws Exception {
    String spec = Files.readString(Path.of("../configs/studies/quickstart.yaml"))
        .replace("strategy: {kind: grid}", "strategy: {kind: nsga2, population: 40, generations: 5, seed: 7}");
    String root = dir.resolve("nsga").toString();
    StudyRunner.Summary a = run(spec, root, "a", 0);
    StudyRunner.Summary b = run(spec, root, "b", 0);
    assertEquals(200, a.candidates());
    assertTrue(a.rows() <= 200 && a.rows() > 0);
    List<Row> gens = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'a'")
        .groupBy("generation").count().orderBy("generation").collectAsList();
    assertEquals(5, gens.size());
    assertEquals(0, gens.get(0).getInt(0));
    assertEquals(4, gens.get(4).getInt(0));
    Dataset<Row> ra = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'a'").drop("run_id");
    Dataset<Row> rb = Tables.read(spark, root, Tables.RESULTS).filter("run_id = 'b'").drop("run_id");
    assertEquals(0, ra.exceptAll(rb).count(), "same seed, same search");
    assertEquals(a.rows(), b.rows());
    assertEquals("nsga2", Tables.read(spark, root, Tables.RUNS).filter("run_id = 'a'").first().getAs("strategy"));
    assertTrue(a.frontierRows() > 0, a.statusCounts().toString());
  }

  @Test
  void randomSamplingWithRepeatsGivesAFrontierOfDistinctConfigurations() {
    String spec = FLAKY.replace("  w: {continuous: [0.5, 2.0], grid_points: 4}\n", "")
        + "strategy: {kind: random, samples: 6000, seed: 5}\n";
    String root = dir.resolve("repeats").toString();
    StudyRunner.Summary s = run(spec, root, "r", 3);
    Dataset<Row> results = Tables.read(spark, root, Tables.RESULTS);
    assertTrue(results.select("candidate_id").distinct().count() < s.rows(), "6000 draws from 2400 points repeat");
    List<Row> ok = results.filter("status = 'ok'").select("candidate_id", "f1_s", "f2_usd").distinct().collectAsList();
    List<double[]> pts = new ArrayList<>();
    for (Row r : ok) {
      pts.add(new double[] {r.getDouble(1), r.getDouble(2)});
    }
    int[] rank = bruteRanks(pts, 3);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < ok.size(); i++) {
      if (rank[i] <= 3) {
        expected.add(ok.get(i).getLong(0) + ":" + rank[i]);
      }
    }
    List<Row> f = Tables.read(spark, root, Tables.FRONTIER).select("candidate_id", "rank").collectAsList();
    Set<String> got = new TreeSet<>();
    f.forEach(r -> got.add(r.getLong(0) + ":" + r.getInt(1)));
    assertEquals(f.size(), got.size(), "each configuration once");
    assertEquals(expected, got);
  }
}
