package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study and query commands through the real CLI, in process. */
class CliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anInvalidSpecIsRefusedBeforeSparkStartsWithNoOutput() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY.replace("minimize: f1_s", "minimize: f1"));
    Path out = dir.resolve("tables");
    Run r = cli("study", "run", spec.toString(), "--out", out.toString(), "--master", "local[1]");
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
    Run run = cli("study", "run", spec.toString(), "--out", out, "--master", "local[2]", "--run-id", "cli-1");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Pareto frontier of flaky (min f1_s, min f2_usd)"), run.out());
    assertTrue(run.err().contains("flaky: run cli-1 done"), run.err());

    Run q = cli("query", "SELECT status, count(*) AS n FROM results GROUP BY status ORDER BY status", "--out", out,
        "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    assertTrue(q.out().contains("{\"status\":\"error\",\"n\":236}"), q.out());

    Run show = cli("study", "show", "--out", out, "--master", "local[1]");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("cli-1"), show.out());

    Run front = cli("study", "frontier", spec.toString(), "--out", out, "--master", "local[1]", "-o", "markdown");
    assertEquals(0, front.code(), front.err());
    assertTrue(front.out().startsWith("| x "), front.out());

    Run bad = cli("query", "SELECT nope FROM results", "--out", out, "--master", "local[1]");
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("error: query:"), bad.err());
  }
}
