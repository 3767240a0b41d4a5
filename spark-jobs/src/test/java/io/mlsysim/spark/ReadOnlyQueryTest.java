package io.mlsysim.spark;

import static io.mlsysim.spark.CliTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.text.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlsysim query} through the real CLI against a real study's tables: every kind of
 * statement that could write, change the session, read files or run code is refused in one
 * line with exit 1, and the tables' files are byte for byte what they were.
 */
class ReadOnlyQueryTest {
  @TempDir
  static Path dir;
  static String root;

  @BeforeAll
  static void study() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]"));
    root = dir.resolve("tables").toString();
    CliRun run = CliRun.of("study", "run", spec.toString(), "--out", root, "--master", "local[1]", "--run-id", "r1");
    assertEquals(0, run.code(), run.err());
  }

  /**
   * The command's wiring; the guard itself is tested statement by statement in ReadOnlySqlTest.
   * The attempt that wiped every run's results before this guard existed now changes nothing.
   */
  @Test
  void queryRefusesAWriteAnswersAReadAndReportsARunTimeErrorInOneLine() throws Exception {
    Map<String, String> before = digests(Path.of(root));
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("results/")), before.toString());
    CliRun wipe = CliRun.of("query", "INSERT OVERWRITE DIRECTORY '" + root + "/results' USING parquet SELECT * FROM runs",
        "--out", root, "--master", "local[1]");
    assertOneLineError(wipe, "error: query: writing files (INSERT OVERWRITE DIRECTORY) is not allowed");
    assertEquals(before, digests(Path.of(root)), "the tables' files are unchanged");

    CliRun ok = CliRun.of("query", "WITH r AS (SELECT run_id, rows FROM runs) SELECT run_id FROM r "
        + "WHERE rows > (SELECT count(*) FROM frontier)", "--out", root, "--master", "local[1]", "-o", "json");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("{\"run_id\":\"r1\"}", ok.out().strip());
    assertOneLineError(CliRun.of("query", "SELECT 1/0 FROM runs", "--out", root, "--master", "local[1]"),
        "error: query: [DIVIDE_BY_ZERO]");
  }

  /** Every file under the root by relative path, with its SHA-256. */
  static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Sha256.hex(Files.readAllBytes(p)));
      }
    }
    return out;
  }
}
