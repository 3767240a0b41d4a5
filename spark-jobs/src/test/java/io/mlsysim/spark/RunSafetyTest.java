package io.mlsysim.spark;

import static io.mlsysim.spark.CliTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that cannot vanish and damaged runs that are reported, on real roots through the real CLI:
 * a re-run killed with SIGKILL at each step of publishing, a deleted data file, a truncated runs
 * file and stray files. Study {@code flaky} has runs r1 and r2; study {@code other} has one run.
 */
class RunSafetyTest {
  @TempDir
  static Path dir;
  static Path pristine;
  static Path flakySpec;
  static Path otherSpec;
  static final String SMALL = StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]");

  @BeforeAll
  static void roots() throws Exception {
    pristine = dir.resolve("pristine");
    flakySpec = dir.resolve("flaky.yaml");
    otherSpec = dir.resolve("other.yaml");
    Files.writeString(flakySpec, SMALL);
    Files.writeString(otherSpec, SMALL.replace("name: flaky", "name: other"));
    for (String[] r : List.of(new String[] {"flaky.yaml", "r1"}, new String[] {"flaky.yaml", "r2"},
        new String[] {"other.yaml", "o1"})) {
      CliRun run = CliRun.of("study", "run", dir.resolve(r[0]).toString(), "--out", pristine.toString(), "--master",
          "local[1]", "--run-id", r[1]);
      assertEquals(0, run.code(), run.err());
    }
  }

  /** A copy of the pristine root to damage. */
  static String copy(String name) throws Exception {
    Path to = dir.resolve(name);
    FileUtils.copyDirectory(pristine.toFile(), to.toFile());
    return to.toString();
  }

  /** Rows per (study, run) as query sees them, and its stderr. */
  static Map<String, Long> counts(String root, List<String> warnings) throws Exception {
    CliRun q = CliRun.of("query", "SELECT study, run_id, count(*) AS n FROM results GROUP BY study, run_id", "--out",
        root, "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    warnings.addAll(q.err().lines().toList());
    Map<String, Long> out = new TreeMap<>();
    for (String line : q.out().lines().toList()) {
      JsonNode n = new ObjectMapper().readTree(line);
      out.put(n.get("study").asText() + "/" + n.get("run_id").asText(), n.get("n").asLong());
    }
    return out;
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

  static List<Path> files(String root, String table, String study, String runId) throws Exception {
    try (Stream<Path> s = Files.list(Path.of(root, table, "study=" + study, "run_id=" + runId))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void aDeletedDataFileIsReportedInOneLineOtherStudiesAreUnaffectedAndIfChangedRepairsIt() throws Exception {
    String root = copy("deleted");
    List<Path> results = files(root, "results", "flaky", "r2");
    assertTrue(results.size() > 1, results.toString()); // local[1] study: 2 partitions at least
    Files.delete(results.get(0));
    String gone = results.get(0).getFileName().toString();

    String damaged = "error: run r2 of study flaky is damaged: results: file " + gone + " is missing (";
    assertOneLineError(CliRun.of("study", "frontier", flakySpec.toString(), "--out", root), damaged);
    assertOneLineError(CliRun.of("study", "diff", "flaky", "--out", root), damaged);
    // Readers of every run leave the damaged one out and say so; the other study is whole.
    List<String> warnings = new ArrayList<>();
    Map<String, Long> seen = counts(root, warnings);
    assertEquals(Map.of("flaky/r1", admitted(10), "other/o1", admitted(10)), seen);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith(damaged.replace("error: ", "warning: ")), warnings.toString());
    CliRun other = CliRun.of("study", "frontier", otherSpec.toString(), "--out", root, "--master", "local[1]");
    assertEquals(0, other.code(), other.err());

    // --if-changed: same inputs, but the latest run is damaged, so it runs again under its id.
    CliRun again = CliRun.of("study", "run", flakySpec.toString(), "--out", root, "--master", "local[1]",
        "--if-changed");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().startsWith("flaky: the latest run r2 is damaged (results: file " + gone
        + " is missing"), again.err());
    assertTrue(again.err().contains("running it again to replace it"), again.err());
    warnings.clear();
    assertEquals(Map.of("flaky/r1", admitted(10), "flaky/r2", admitted(10), "other/o1", admitted(10)),
        counts(root, warnings));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aTruncatedRunsFileIsReportedAndIfChangedRunsTheRunAgain() throws Exception {
    String root = copy("truncated");
    Path runsFile = files(root, "runs", "flaky", "r2").get(0);
    byte[] bytes = Files.readAllBytes(runsFile);
    Files.write(runsFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    String damaged = "error: run r2 of study flaky is damaged: runs: file " + runsFile.getFileName()
        + " is not a readable Parquet file";
    assertOneLineError(CliRun.of("study", "frontier", flakySpec.toString(), "--out", root, "--run-id", "r2"), damaged);
    CliRun show = CliRun.of("study", "show", "--out", root, "--master", "local[1]", "-o", "json");
    assertEquals(0, show.code(), show.err());
    assertEquals(2, show.out().lines().count(), show.out()); // r1 and o1
    assertTrue(show.err().startsWith(damaged.replace("error: ", "warning: ")), show.err());
    assertEquals(1, show.err().lines().count(), show.err());

    CliRun again = CliRun.of("study", "run", flakySpec.toString(), "--out", root, "--master", "local[1]",
        "--if-changed");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("the latest run r2 is damaged") && again.err().contains("replace it"),
        again.err());
    List<String> warnings = new ArrayList<>();
    assertEquals(Map.of("flaky/r1", admitted(10), "flaky/r2", admitted(10), "other/o1", admitted(10)),
        counts(root, warnings));
    assertEquals(List.of(), warnings);
  }

  @Test
  void strayFilesAreNeverReadAndBlockNothing() throws Exception {
    String root = copy("junk");
    Files.writeString(Path.of(root, "results", "junk.txt"), "not a table");
    Files.writeString(Path.of(root, "results", "study=flaky", "run_id=r2", "part-99999-junk.snappy.parquet"),
        "not parquet either");
    Files.createDirectories(Path.of(root, "frontier", "study=nobody"));
    Files.writeString(Path.of(root, "runs", "README"), "stray");

    List<String> warnings = new ArrayList<>();
    assertEquals(Map.of("flaky/r1", admitted(10), "flaky/r2", admitted(10), "other/o1", admitted(10)),
        counts(root, warnings));
    assertEquals(List.of(), warnings);
    CliRun diff = CliRun.of("study", "diff", "flaky", "--out", root, "--master", "local[1]", "-o", "json");
    assertEquals(0, diff.code(), diff.err());
    CliRun unchanged = CliRun.of("study", "run", flakySpec.toString(), "--out", root, "--if-changed");
    assertEquals(0, unchanged.code(), unchanged.err());
    assertTrue(unchanged.err().startsWith("flaky: unchanged since run r2"), unchanged.err());
  }

  /**
   * Re-runs r2 with a grown space in a separate JVM, stops it at a publishing step and kills it
   * with SIGKILL. Before the commit the old r2 must be whole and visible; after it, the new one,
   * once.
   */
  @Test
  void aReRunKilledWhilePublishingNeverLosesTheCommittedRun() throws Exception {
    Path grown = dir.resolve("grown.yaml");
    Files.writeString(grown, SMALL.replace("[0, 9]", "[0, 14]"));
    for (String point : List.of("publish", "withdraw")) {
      String root = copy("killed-at-" + point);
      killAt(point, grown, root);
      boolean committed = point.equals("withdraw");
      CliRun show = CliRun.of("study", "show", "flaky", "--out", root, "--master", "local[1]", "-o", "json");
      assertEquals(0, show.code(), show.err());
      List<JsonNode> runs = new ArrayList<>();
      for (String l : show.out().lines().toList()) {
        runs.add(new ObjectMapper().readTree(l));
      }
      assertEquals(List.of("r1", "r2"), runs.stream().map(n -> n.get("run_id").asText()).toList(), point);
      long r2 = committed ? admitted(15) : admitted(10);
      assertEquals(r2, runs.get(1).get("rows").asLong(), point);
      List<String> warnings = new ArrayList<>();
      assertEquals(Map.of("flaky/r1", admitted(10), "flaky/r2", r2, "other/o1", admitted(10)),
          counts(root, warnings), point);
      assertEquals(List.of(), warnings, point);
    }
  }

  /** Runs the CLI in its own JVM until it reaches the publishing step, then kills it with SIGKILL. */
  static void killAt(String point, Path spec, String root) throws Exception {
    Path marker = dir.resolve("reached-" + point);
    List<String> cmd = PausedCli.command(point, marker, "study", "run",
        spec.toString(), "--out", root, "--run-id", "r2", "--master", "local[1]");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed-" + point + ".log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(marker)) {
      assertTrue(p.isAlive(), "the re-run ended before reaching '" + point + "': "
          + Files.readString(dir.resolve("killed-" + point + ".log")));
      assertTrue(System.nanoTime() < deadline, "the re-run did not reach '" + point + "' in 5 minutes");
      p.waitFor(100, TimeUnit.MILLISECONDS); // wakes early if the process dies
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertEquals(137, p.waitFor(), "killed by SIGKILL");
    assertFalse(p.isAlive());
    assertTrue(new File(root, "_staging").exists(), "the killed run left its staging, as a real crash would");
  }
}
