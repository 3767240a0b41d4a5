package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.dse.Dimension;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly re-runs on real Parquet with one local[2] session: the inputs fingerprint, the
 * frontier_changes a run records, diffs between any two runs, and roots written before any of it.
 */
class NightlyStudiesTest {
  static final Zoo ZOO = Zoo.builtIn();
  static SparkSession spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = Sessions.local("local[2]", "NightlyStudiesTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * The quickstart over fleets × precisions × 36 candidates. With fp8 on Training_1K_A100,
   * Production_2K and Frontier_8K, then Training_1K and bf16 added, the frontier gains, loses and
   * keeps points (found by enumerating the space once; the test derives the sets itself).
   */
  static String quickstart(String fleets, String precisions) throws Exception {
    String q = Files.readString(Path.of("../configs/studies/quickstart.yaml"));
    String space = q.substring(q.indexOf("space:"), q.indexOf("conditions:"));
    return q.replace(space, "space:\n"
        + "  fleet: [" + fleets + "]\n"
        + "  precision: [" + precisions + "]\n"
        + "  grid: [Quebec, US_Avg]\n"
        + "  tp: {powers_of_two: [4, 8]}\n"
        + "  pp: {values: [4, 8]}\n"
        + "  sequence_parallel: [false]\n"
        + "  microbatch_size: [1]\n"
        + "  interleave: [1]\n"
        + "  zero_stage: {range: [1, 3]}\n")
        .replace("output: {partitions: 4}", "output: {partitions: 2}");
  }

  static StudyPlan plan(String spec) {
    return StudyPlan.compile(StudySpec.parse("nightly.yaml", spec), ZOO);
  }

  static StudyRunner.Summary run(StudyPlan plan, String root, String runId) {
    return new StudyRunner(spark, new PrintWriter(new StringWriter())).run(plan, ZOO,
        new StudyRunner.Options(root, runId, 0));
  }

  @Test
  void aGrowingSpaceMovesTheFrontierExactlyAsTheSetDifferencesOfTheTwoFrontiers() throws Exception {
    String root = dir.resolve("grow").toString();
    // adding an H100 cluster of the A100 cluster's size removes the A100's point and keeps the 2K one
    StudyPlan small = plan(quickstart("Training_1K_A100, Production_2K", "bf16"));
    StudyPlan grown = plan(quickstart("Training_1K_A100, Production_2K, Training_1K", "bf16"));
    List<String> decisions = new ArrayList<>();
    for (Dimension d : small.space().dimensions()) {
      decisions.add(d.name());
    }

    StudyRunner.Summary a = run(small, root, "a");
    Map<String, Row> frontierA = frontier(root, "a", decisions);
    assertFalse(frontierA.isEmpty());
    assertEquals(new FrontierChanges.Movement(null, frontierA.size(), 0, 0), a.movement(), "a first run: all added");
    Row runA = runsRow(root, "a");
    assertNull(runA.getAs("previous_run_id"));
    assertEquals(frontierA.size(), runA.<Long>getAs("frontier_added"));

    StudyRunner.Summary b = run(grown, root, "b");
    Map<String, Row> frontierB = frontier(root, "b", decisions);
    Set<String> added = new TreeSet<>(frontierB.keySet());
    added.removeAll(frontierA.keySet());
    Set<String> removed = new TreeSet<>(frontierA.keySet());
    removed.removeAll(frontierB.keySet());
    Set<String> kept = new TreeSet<>(frontierA.keySet());
    kept.retainAll(frontierB.keySet());
    assertFalse(added.isEmpty() || removed.isEmpty() || kept.isEmpty(),
        "the grown space adds, removes and keeps points: " + added.size() + "/" + removed.size() + "/" + kept.size());

    List<Row> changes = Tables.read(spark, root, Tables.FRONTIER_CHANGES).filter("run_id = 'b'").collectAsList();
    Map<String, Set<String>> got = new HashMap<>();
    for (Row r : changes) {
      String k = key(r, decisions);
      got.computeIfAbsent(r.getAs("change"), c -> new TreeSet<>()).add(k);
      assertEquals("a", r.getAs("previous_run_id"));
      for (String o : small.objectiveNames()) {
        Row now = frontierB.get(k);
        Row then = frontierA.get(k);
        assertEquals(now == null ? null : now.<Double>getAs(o), r.<Double>getAs(o), o + " of " + k);
        assertEquals(then == null ? null : then.<Double>getAs(o), r.<Double>getAs("previous_" + o), o + " of " + k);
      }
    }
    assertEquals(added, got.get("added"));
    assertEquals(removed, got.get("removed"));
    assertEquals(kept, got.get("kept"));
    assertEquals(added.size() + removed.size() + kept.size(), changes.size(), "one row per point");
    FrontierChanges.Movement expected = new FrontierChanges.Movement("a", added.size(), removed.size(), kept.size());
    assertEquals(expected, b.movement());
    Row runB = runsRow(root, "b");
    assertEquals("a", runB.getAs("previous_run_id"));
    assertEquals(List.of((long) added.size(), (long) removed.size(), (long) kept.size()),
        List.of(runB.getAs("frontier_added"), runB.getAs("frontier_removed"), runB.getAs("frontier_kept")));

    // The same spec again, then a diff of the first and third runs, which are not consecutive.
    StudyRunner.Summary c = run(small, root, "c");
    assertEquals("b", c.movement().previousRunId());
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<RunHistory.Run> runs = RunHistory.of(conf, root, small.name());
    assertEquals(List.of("a", "b", "c"), runs.stream().map(RunHistory.Run::runId).toList());
    FrontierChanges.Result ac = FrontierChanges.between(spark, root, runs.get(0), runs.get(2));
    assertEquals(new FrontierChanges.Movement("a", 0, 0, frontierA.size()), ac.movement());
    FrontierChanges.Result ab = FrontierChanges.between(spark, root, runs.get(0), runs.get(1));
    var recorded = Tables.read(spark, root, Tables.FRONTIER_CHANGES).filter("run_id = 'b'").drop("study", "run_id");
    assertEquals(0, ab.toDataset(spark).exceptAll(recorded).count(), "a diff computes what the run recorded");
    assertEquals(0, recorded.exceptAll(ab.toDataset(spark)).count(), "and nothing else");
    assertEquals(expected, ab.movement());

    // Same spec, zoo and engine: same fingerprint; a grown space: another one.
    assertEquals(InputsFingerprint.of(small, ZOO), runA.getAs("inputs_fingerprint"));
    assertEquals(runA.<String>getAs("inputs_fingerprint"), runsRow(root, "c").getAs("inputs_fingerprint"));
    assertNotEquals(runA.<String>getAs("inputs_fingerprint"), runB.getAs("inputs_fingerprint"));
    assertEquals("c", IfChanged.unchangedSince(conf, root, small, ZOO).orElseThrow().runId());
    assertTrue(IfChanged.unchangedSince(conf, root, grown, ZOO).isEmpty(), "b is not the latest run");
  }

  @Test
  void theFingerprintChangesWithEachOfItsPartsAndNothingElse() {
    String base = InputsFingerprint.of("spec", "zoo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0",
        "grid", 0);
    assertTrue(base.matches("[0-9a-f]{64}"), base);
    assertEquals(base, InputsFingerprint.of("spec", "zoo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0",
        "grid", 0));
    List<String> variants = List.of(
        InputsFingerprint.of("spec2", "zoo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0", "grid", 0),
        InputsFingerprint.of("spec", "zoo2", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0", "grid", 0),
        InputsFingerprint.of("spec", "zoo", "0.2.0", "DistributedModel+EconomicsModel@engine 0.1.0", "grid", 0),
        InputsFingerprint.of("spec", "zoo", "0.1.0", "DistributedModel@engine 0.1.0", "grid", 0),
        InputsFingerprint.of("spec", "zoo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0", "random", 0),
        InputsFingerprint.of("spec", "zoo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0", "grid", 7),
        // moving text between parts is a different input, not the same concatenation
        InputsFingerprint.of("specz", "oo", "0.1.0", "DistributedModel+EconomicsModel@engine 0.1.0", "grid", 0));
    assertEquals(variants.size(), new TreeSet<>(variants).size());
    assertFalse(variants.contains(base));
  }

  @Test
  void aRootWithARunFromBeforeFingerprintsCountsAsChangedAndTheNextRunComparesWithIt() throws Exception {
    String root = dir.resolve("old").toString();
    StudyPlan plan = plan(StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]"));
    StudyRunner.Summary old = run(plan, root, "old");
    // Make its runs row look recorded before fingerprints: the column is null.
    io.delta.tables.DeltaTable.forPath(spark, Tables.path(root, Tables.RUNS))
        .update(functions.expr("run_id = 'old'"), Map.of("inputs_fingerprint", functions.lit(null).cast("string")));
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    assertNull(RunHistory.of(conf, root, "flaky").get(0).inputsFingerprint());
    assertTrue(IfChanged.unchangedSince(conf, root, plan, ZOO).isEmpty(), "no fingerprint counts as different");

    StudyRunner.Summary next = run(plan, root, "new");
    assertEquals(new FrontierChanges.Movement("old", 0, 0, old.movement().added()), next.movement());
    Tables.registerViews(spark, root);
    List<Row> fp = spark.sql("SELECT run_id, inputs_fingerprint FROM runs ORDER BY started_at").collectAsList();
    assertEquals("old", fp.get(0).getString(0));
    assertNull(fp.get(0).get(1));
    assertEquals(InputsFingerprint.of(plan, ZOO), fp.get(1).getString(1));
    assertEquals(List.of("new"), spark.sql("SELECT DISTINCT run_id FROM frontier_changes WHERE run_id = 'new'")
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(2, spark.sql(StudyCommand.Show.sql(null)).count());
  }

  private static Row runsRow(String root, String runId) {
    return Tables.read(spark, root, Tables.RUNS).filter("run_id = '" + runId + "'").first();
  }

  /** A run's rank-1 frontier read back from the committed table, keyed by its decision values. */
  private static Map<String, Row> frontier(String root, String runId, List<String> decisions) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : Tables.read(spark, root, Tables.FRONTIER).filter("run_id = '" + runId + "' AND rank = 1")
        .collectAsList()) {
      assertEquals(null, m.put(key(r, decisions), r), "a frontier lists each configuration once");
    }
    return m;
  }

  private static String key(Row r, List<String> decisions) {
    List<String> v = new ArrayList<>();
    for (String d : decisions) {
      v.add(d + "=" + r.getAs(d));
    }
    return String.join("|", v);
  }
}
