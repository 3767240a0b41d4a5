package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study and query commands through the real CLI, in process. */
class CliTest {
  @TempDir
  Path dir;

  @Test
  void anInvalidSpecIsRefusedBeforeSparkStartsWithNoOutput() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY.replace("minimize: f1_s", "minimize: f1"));
    Path out = dir.resolve("tables");
    CliRun r = CliRun.of("study", "run", spec.toString(), "--out", out.toString(), "--master", "local[1]");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("error: " + spec + ":9: objectives[0]: 'f1' is not a result of pipeline 'flaky'"),
        r.err());
    assertTrue(r.err().contains("did you mean 'f1_s'?"), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace");
    assertEquals("", r.out());
    assertFalse(Files.exists(out), "no partial output");
  }

  @Test
  void runShowFrontierAndQuery() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY);
    String out = dir.resolve("tables").toString();
    CliRun run = CliRun.of("study", "run", spec.toString(), "--out", out, "--master", "local[2]", "--run-id", "cli-1");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Pareto frontier of flaky (min f1_s, min f2_usd)"), run.out());
    assertTrue(run.err().contains("flaky: run cli-1 done"), run.err());

    CliRun q = CliRun.of("query", "SELECT status, count(*) AS n FROM results GROUP BY status ORDER BY status", "--out", out,
        "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    assertTrue(q.out().contains("{\"status\":\"error\",\"n\":236}"), q.out());

    CliRun show = CliRun.of("study", "show", "--out", out, "--master", "local[1]");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("cli-1"), show.out());

    CliRun front = CliRun.of("study", "frontier", spec.toString(), "--out", out, "--master", "local[1]", "-o", "markdown");
    assertEquals(0, front.code(), front.err());
    assertTrue(front.out().startsWith("| x "), front.out());

    CliRun bad = CliRun.of("query", "SELECT nope FROM results", "--out", out, "--master", "local[1]");
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("error: query:"), bad.err());
  }

  /** -o json is one object a script can act on; --quiet leaves stderr to errors. */
  @Test
  void runJsonIsOneObjectWithIdCountsTablesAndFrontierAndQuietPrintsNoProgress() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]"));
    String out = dir.resolve("tables").toString();
    CliRun run = CliRun.of("study", "run", spec.toString(), "--out", out, "--master", "local[1]", "--run-id", "j1", "-o", "json",
        "--quiet");
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err(), "no headline, progress or summary under --quiet");
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertEquals(1, run.out().strip().split("\n").length, "one object");
    assertEquals("flaky", j.get("study").asText());
    assertEquals("j1", j.get("run_id").asText());
    // x: 10 values, y: 60, w: 4 → 2,400 candidates; x + y = 50 for 10 (x, y) pairs × 4 w → 40 outside the conditions.
    assertEquals(2400, j.get("candidates").asLong());
    assertEquals(2360, j.get("rows").asLong());
    long sum = 0;
    for (JsonNode n : j.get("statuses")) {
      sum += n.asLong();
    }
    assertEquals(2360, sum);
    assertEquals(j.get("statuses").get("ok").asLong(), j.get("feasible").asLong());
    assertEquals(Path.of(out, "results").toString(), j.get("tables").get("results").asText());
    assertEquals(out, j.get("tables").get("root").asText());

    CliRun counts = CliRun.of("query", "SELECT (SELECT count(*) FROM frontier WHERE run_id = 'j1') AS f, "
        + "(SELECT count(*) FROM results WHERE status = 'ok') AS ok", "--out", out, "--master", "local[1]", "-o", "json");
    assertEquals(0, counts.code(), counts.err());
    JsonNode c = new ObjectMapper().readTree(counts.out());
    assertEquals(c.get("f").asLong(), j.get("frontier_rows").asLong());
    assertEquals(c.get("ok").asLong(), j.get("feasible").asLong());
    JsonNode frontier = j.get("frontier");
    assertTrue(frontier.isArray() && frontier.size() >= 1 && frontier.size() <= 20, frontier.toString());
    assertTrue(frontier.get(0).get("f1_s").isNumber(), frontier.get(0).toString());
  }

  /** A nightly schedule end to end: skip when nothing changed (both entry points), run when the spec did, diff. */
  @Test
  void ifChangedSkipsAnUnchangedStudyFromBothEntryPointsAndDiffShowsHowTheFrontierMoved() throws Exception {
    String small = StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]");
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, small);
    String out = dir.resolve("tables").toString();
    CliRun first = CliRun.of("study", "run", spec.toString(), "--out", out, "--master", "local[1]", "--run-id", "n1",
        "--if-changed");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("flaky: first run of this study; frontier of "), first.err());
    assertOneLineError(CliRun.of("study", "diff", "flaky", "--out", out), "error: study 'flaky' has 1 committed run under "
        + out + " (n1); a diff needs two: run the study again");

    // Nothing changed: the Spark job and the CLI both skip, and write nothing.
    String unchanged = "flaky: unchanged since run n1 (same spec, zoo, engine and resolvers); nothing to do";
    StringWriter jobOut = new StringWriter();
    StringWriter jobErr = new StringWriter();
    int code = StudyJob.run(new String[] {spec.toString(), "--out", out, "--if-changed"}, new PrintWriter(jobOut, true),
        new PrintWriter(jobErr, true), SparkSession.builder().master("local[1]"));
    assertEquals(0, code, jobErr.toString());
    assertEquals(unchanged, jobErr.toString().strip());
    assertEquals("", jobOut.toString());
    CliRun skipped = CliRun.of("study", "run", spec.toString(), "--out", out, "--if-changed", "-o", "json");
    assertEquals(0, skipped.code(), skipped.err());
    assertEquals(unchanged, skipped.err().strip());
    JsonNode summary = new ObjectMapper().readTree(skipped.out());
    assertTrue(summary.get("skipped").asBoolean());
    assertEquals("n1", summary.get("previous_run_id").asText());
    assertEquals(List.of("run_id=n1"), runDirs(out));

    // The spec changed: a new run, compared with the first.
    Files.writeString(spec, small.replace("[0, 9]", "[0, 14]"));
    CliRun second = CliRun.of("study", "run", spec.toString(), "--out", out, "--master", "local[1]", "--run-id", "n2",
        "--if-changed");
    assertEquals(0, second.code(), second.err());
    assertEquals(List.of("run_id=n1", "run_id=n2"), runDirs(out));
    Matcher moved = Pattern.compile("flaky: frontier since run n1: (\\d+) added, (\\d+) removed, (\\d+) kept")
        .matcher(second.err());
    assertTrue(moved.find(), second.err());

    // Bad runs are refused in one line, before Spark starts.
    assertOneLineError(CliRun.of("study", "diff", "configs/studies/flaky.yaml", "--out", out),
        "error: 'configs/studies/flaky.yaml' is not a study name; diff takes the name a spec gives in 'name:'");
    assertOneLineError(CliRun.of("study", "diff", "nope", "--out", out),
        "error: study 'nope' has no committed runs under " + out + "; studies there: flaky");
    CliRun unknown = CliRun.of("study", "diff", "flaky", "--from", "zzz", "--out", out);
    assertOneLineError(unknown, "error: --from 'zzz': study 'flaky' has no committed run with that id under " + out
        + "; its latest runs: n1, n2 (all: mlsysim study show flaky)");
    assertOneLineError(CliRun.of("study", "diff", "flaky", "--from", "n2", "--out", out),
        "error: --from and --to are both run 'n2'; pick two different runs (mlsysim study show flaky)");

    // By default the latest two runs, with the counts the second run printed.
    CliRun diff = CliRun.of("study", "diff", "flaky", "--out", out, "--master", "local[1]", "-o", "json");
    assertEquals(0, diff.code(), diff.err());
    JsonNode d = new ObjectMapper().readTree(diff.out());
    assertEquals(List.of("n1", "n2"), List.of(d.get("from").asText(), d.get("to").asText()));
    long added = Long.parseLong(moved.group(1));
    long removed = Long.parseLong(moved.group(2));
    long kept = Long.parseLong(moved.group(3));
    assertEquals(List.of(added, removed, kept),
        List.of(d.get("added").asLong(), d.get("removed").asLong(), d.get("kept").asLong()));
    assertEquals(added + removed + kept, d.get("changes").size());
    assertTrue(added > 0 && kept > 0, diff.out());
    for (JsonNode c : d.get("changes")) {
      assertTrue(List.of("added", "removed", "kept").contains(c.get("change").asText()), c.toString());
      assertEquals(c.get("change").asText().equals("removed"), c.get("f1_s").isNull(), c.toString());
      assertEquals(c.get("change").asText().equals("added"), c.get("previous_f1_s").isNull(), c.toString());
    }
  }

  @Test
  void studyJobRefusesBadArgumentsInOneLineWithoutStartingSpark() {
    for (String[] args : List.of(new String[] {"spec.yaml", "--partitions", "many"},
        new String[] {"spec.yaml", "--if-unchanged"}, new String[] {"--out"},
        new String[] {dir.resolve("missing.yaml").toString(), "--if-changed"})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = StudyJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
          SparkSession.builder().master("local[1]"));
      assertOneLineError(new CliRun(code, out.toString(), err.toString()), "error: ");
    }
  }

  @Test
  void aLimitBelowOneIsRefusedBeforeSparkStarts() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY);
    Path out = dir.resolve("tables");
    String msg = "error: --limit 0: it counts objective vectors to print; use 1 or more";
    assertOneLineError(CliRun.of("study", "run", spec.toString(), "--out", out.toString(), "--limit", "0"), msg);
    assertOneLineError(CliRun.of("study", "frontier", spec.toString(), "--out", out.toString(), "--limit", "0"), msg);
    assertFalse(Files.exists(out), "nothing written");
  }

  /** Exit 1, nothing on stdout, and one line on stderr that starts with the given text. */
  static void assertOneLineError(CliRun r, String start) {
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith(start), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  /** The committed runs of study flaky, by their partition directories. */
  static List<String> runDirs(String root) throws Exception {
    try (Stream<Path> s = Files.list(Path.of(root, "runs", "study=flaky"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
