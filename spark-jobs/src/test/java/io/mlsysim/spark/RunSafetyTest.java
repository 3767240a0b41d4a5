package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that never show half-way and never vanish, on real roots through the real CLI with real
 * Delta tables: a re-run killed with SIGKILL at each step, two runs of one study at once, and
 * what a reader that is not this project's code (a plain Spark session reading the folders as
 * Delta tables) sees. Study {@code flaky} has runs r1 and r2; study {@code other} has one run.
 */
class RunSafetyTest {
  @TempDir
  static Path dir;
  static Path pristine;
  static Path flakySpec;
  static Path grownSpec;
  static final String SMALL = StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]");

  @BeforeAll
  static void roots() throws Exception {
    pristine = dir.resolve("pristine");
    flakySpec = dir.resolve("flaky.yaml");
    grownSpec = dir.resolve("grown.yaml");
    Files.writeString(flakySpec, SMALL);
    Files.writeString(grownSpec, SMALL.replace("[0, 9]", "[0, 14]"));
    Files.writeString(dir.resolve("other.yaml"), SMALL.replace("name: flaky", "name: other"));
    for (String[] r : List.of(new String[] {"flaky.yaml", "r1"}, new String[] {"flaky.yaml", "r2"},
        new String[] {"other.yaml", "o1"})) {
      CliRun run = CliRun.of("study", "run", dir.resolve(r[0]).toString(), "--out", pristine.toString(), "--master",
          "local[1]", "--run-id", r[1]);
      assertEquals(0, run.code(), run.err());
    }
  }

  /** A copy of the pristine root. */
  static String copy(String name) throws Exception {
    Path to = dir.resolve(name);
    FileUtils.copyDirectory(pristine.toFile(), to.toFile());
    return to.toString();
  }

  /** Rows per (study, run) as the project's views see them. */
  static Map<String, Long> viewCounts(String root) throws Exception {
    CliRun q = CliRun.of("query", "SELECT study, run_id, count(*) AS n FROM results GROUP BY study, run_id", "--out",
        root, "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    Map<String, Long> out = new TreeMap<>();
    for (String line : q.out().lines().toList()) {
      JsonNode n = new ObjectMapper().readTree(line);
      out.put(n.get("study").asText() + "/" + n.get("run_id").asText(), n.get("n").asLong());
    }
    return out;
  }

  /**
   * What a plain reader ({@link #plainReader}) sees: it reads every table folder as a Delta table;
   * returns the results rows per (study, run) and checks that the other tables read too.
   */
  static Map<String, Long> plainCounts(String root) {
    SparkSession plain = plainReader();
    try {
      for (String t : List.of("runs", "frontier", "sources", "frontier_changes", "columns")) {
        org.apache.spark.sql.Dataset<Row> table = plain.read().format("delta").load(root + "/" + t);
        assertTrue(List.of(table.columns()).containsAll(List.of("study", "run_id")), t);
        table.count(); // reads every file (the flaky plugin study uses no zoo entry: its sources are empty)
      }
      // the columns table, joined to a column by name, gives its unit and meaning
      List<Row> f1 = plain.read().format("delta").load(root + "/columns").filter("column = 'f1_s'")
          .select("unit", "description", "kind").distinct().collectAsList();
      assertEquals(List.of(org.apache.spark.sql.RowFactory.create("s", "first objective", "result")), f1,
          "what FlakyStudy declares for f1_s");
      Map<String, Long> out = new TreeMap<>();
      for (Row r : plain.read().format("delta").load(root + "/results").groupBy("study", "run_id").count()
          .collectAsList()) {
        out.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
      }
      return out;
    } finally {
      plain.stop();
    }
  }

  /**
   * A Spark session set up for Delta as Delta's own documentation says (its extension and
   * catalog), with no project code or settings: the outside reader.
   */
  static SparkSession plainReader() {
    return SparkSession.builder().master("local[1]").appName("plain reader")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Delta rebuilds a table's state in 50 tasks by default; on 2 cores that is most of the time
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  /** The admitted candidates of the small flaky space, derived like StudyRunnerTest does. */
  static long admitted(int xs) {
    long pairs = 0;
    for (int x = 0; x < xs; x++) {
      for (int y = 0; y < 60; y++) {
        pairs += x + y != 50 ? 1 : 0;
      }
    }
    return pairs * 4; // four grid points of w
  }

  /**
   * Re-runs r2 with a grown space in a separate JVM, stops it at a step and kills it with
   * SIGKILL. Before the commit the old r2 is what the views show; after it, the new one, once.
   * A plain reader sees the killed attempt's appended rows until the study's next run drops them.
   */
  @Test
  void aReRunKilledAtAnyStepNeverShowsHalfARunAndTheNextRunLeavesNoOrphanRows() throws Exception {
    for (String point : List.of("evaluate", "publish", "commit", "withdraw")) {
      String root = copy("killed-at-" + point);
      killAt(point, grownSpec, root, "r2");
      boolean committed = point.equals("withdraw");
      long r2 = committed ? admitted(15) : admitted(10);
      Map<String, Long> expected = Map.of("flaky/r1", admitted(10), "flaky/r2", r2, "other/o1", admitted(10));
      assertEquals(expected, viewCounts(root), point);
      CliRun show = CliRun.of("study", "show", "flaky", "--out", root, "--master", "local[1]", "-o", "json");
      assertEquals(0, show.code(), show.err());
      List<JsonNode> runs = new ArrayList<>();
      for (String l : show.out().lines().toList()) {
        runs.add(new ObjectMapper().readTree(l));
      }
      assertEquals(List.of("r1", "r2"), runs.stream().map(n -> n.get("run_id").asText()).toList(), point);
      assertEquals(r2, runs.get(1).get("rows").asLong(), point);

      // Evaluation never committed an append; from publishing on, the killed attempt's rows sit
      // beside the committed ones, visible to a plain reader only.
      long plainR2 = point.equals("evaluate") ? admitted(10) : admitted(10) + admitted(15);
      assertEquals(Map.of("flaky/r1", admitted(10), "flaky/r2", plainR2, "other/o1", admitted(10)),
          plainCounts(root), point);

      CliRun next = CliRun.of("study", "run", flakySpec.toString(), "--out", root, "--master", "local[1]",
          "--run-id", "r3");
      assertEquals(0, next.code(), next.err());
      Map<String, Long> after = new TreeMap<>(expected);
      after.put("flaky/r3", admitted(10));
      assertEquals(after, viewCounts(root), point);
      assertEquals(after, plainCounts(root), point + ": no orphan rows after the next run");
    }
  }

  @Test
  void twoRunsOfOneStudyAtOnceBothCommit() throws Exception {
    String root = copy("concurrent");
    List<Process> ps = new ArrayList<>();
    for (String id : List.of("c1", "c2")) {
      List<String> cmd = PausedCli.command("nowhere", dir.resolve("never-" + id), "study", "run",
          (id.equals("c1") ? flakySpec : grownSpec).toString(), "--out", root, "--run-id", id, "--master", "local[1]");
      ps.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(id + ".log").toFile())
          .start());
    }
    for (int i = 0; i < ps.size(); i++) {
      assertTrue(ps.get(i).waitFor(5, TimeUnit.MINUTES), "run " + i + " did not end in 5 minutes");
      assertEquals(0, ps.get(i).exitValue(), Files.readString(dir.resolve("c" + (i + 1) + ".log")));
    }
    Map<String, Long> expected = Map.of("flaky/r1", admitted(10), "flaky/r2", admitted(10), "other/o1",
        admitted(10), "flaky/c1", admitted(10), "flaky/c2", admitted(15));
    assertEquals(expected, viewCounts(root));
    assertEquals(expected, plainCounts(root));
  }

  @Test
  void vacuumKeepsTheLatestRunsAndLeavesNoFileNoTableVersionNeeds() throws Exception {
    String root = copy("vacuumed");
    killAt("publish", grownSpec, root, "r4"); // an attempt's rows and files that never committed
    CliTest.assertOneLineError(CliRun.of("study", "vacuum", "--keep", "0", "--out", root),
        "error: --keep 0: the latest committed run of a study is never removed; use 1 or more");
    // A run that may be going on (its lock names this live process) blocks the vacuum.
    Path lock = Path.of(RunLock.path(root, "flaky", "live").toUri().getPath());
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, ProcessHandle.current().pid() + " " + java.net.InetAddress.getLocalHost().getHostName()
        + " now");
    CliTest.assertOneLineError(CliRun.of("study", "vacuum", "--keep", "1", "--out", root),
        "error: runs are going on under " + root + " (flaky/live); vacuum when they have ended");
    Files.delete(lock);

    CliRun v = CliRun.of("study", "vacuum", "--keep", "1", "--out", root, "--master", "local[1]");
    assertEquals(0, v.code(), v.err());
    assertTrue(v.out().startsWith(root + ": removed 1 old run(s) and the rows of 1 attempt(s) that never committed; "
        + "deleted "), v.out());
    Map<String, Long> expected = Map.of("flaky/r2", admitted(10), "other/o1", admitted(10));
    assertEquals(expected, viewCounts(root));
    assertEquals(expected, plainCounts(root));
    for (String t : List.of("results", "frontier", "sources", "frontier_changes", "columns", "runs")) {
      java.util.Set<String> live = new java.util.TreeSet<>();
      for (var f : io.mlsysim.spark.delta.DeltaLogFiles.live(RunHistory.hadoopConf(),
          new org.apache.hadoop.fs.Path(root, t))) {
        live.add(Path.of(f.path().toUri().getPath()).toString());
      }
      java.util.Set<String> onDisk = new java.util.TreeSet<>();
      try (var files = Files.walk(Path.of(root, t))) {
        files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
            .forEach(f -> onDisk.add(f.toString()));
      }
      assertEquals(live, onDisk, t + ": every file on disk is one the table holds");
    }
  }

  @Test
  void aStudyWithAnotherPipelineJoinsTheResultsTableWithOneSchemaForEveryReader() throws Exception {
    String root = copy("two-pipelines");
    Path unsafe = dir.resolve("unsafe.yaml");
    Files.writeString(unsafe, "name: unsafe\npipeline: [unsafe]\nspace:\n  x: {range: [0, 5]}\n"
        + "objectives: [{minimize: cost_usd}]\n");
    CliRun run = CliRun.of("study", "run", unsafe.toString(), "--out", root, "--master", "local[1]", "--run-id", "u1");
    assertEquals(0, run.code(), run.err());
    SparkSession plain = plainReader();
    try {
      org.apache.spark.sql.Dataset<Row> results = plain.read().format("delta").load(root + "/results");
      List<String> columns = List.of(results.columns());
      assertTrue(columns.containsAll(List.of("f1_s", "f2_usd", "x", "y", "w", "cost_usd")), columns.toString());
      // each study's rows hold nulls where only the other pipeline has a column
      assertEquals(0, results.filter("study = 'unsafe' AND f1_s IS NOT NULL").count());
      assertEquals(0, results.filter("study = 'flaky' AND cost_usd IS NOT NULL").count());
      assertEquals(6, results.filter("study = 'unsafe'").count());
      assertEquals(2 * admitted(10), results.filter("study = 'flaky'").count());
    } finally {
      plain.stop();
    }
    CliRun q = CliRun.of("query", "SELECT study, count(cost_usd) AS c FROM results GROUP BY study ORDER BY study",
        "--out", root, "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    // the project's views read the same one schema; unsafe's x = 2 and x = 3 are error rows (UnsafeStudy)
    List<String> counted = new ArrayList<>();
    for (String line : q.out().lines().toList()) {
      JsonNode n = new ObjectMapper().readTree(line);
      counted.add(n.get("study").asText() + "=" + n.get("c").asLong());
    }
    assertEquals(List.of("flaky=0", "other=0", "unsafe=4"), counted);
  }

  /** Runs the CLI in its own JVM until it reaches {@code point}, then kills it with SIGKILL. */
  static void killAt(String point, Path spec, String root, String runId) throws Exception {
    Path marker = dir.resolve("reached-" + point + "-" + Path.of(root).getFileName());
    Files.deleteIfExists(marker); // a marker of an earlier kill would end this one before it starts
    Path log = dir.resolve("killed-" + point + "-" + Path.of(root).getFileName() + ".log");
    List<String> cmd = PausedCli.command(point, marker, "study", "run",
        spec.toString(), "--out", root, "--run-id", runId, "--master", "local[1]");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(marker)) {
      assertTrue(p.isAlive(), "the re-run ended before reaching '" + point + "': "
          + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "the re-run did not reach '" + point + "' in 5 minutes");
      p.waitFor(100, TimeUnit.MILLISECONDS); // wakes early if the process dies
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertEquals(137, p.waitFor(), "killed by SIGKILL");
    assertFalse(p.isAlive());
  }
}
