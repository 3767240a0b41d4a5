package io.mlsysim.spark;

import static io.mlsysim.spark.CliTest.assertOneLineError;
import static io.mlsysim.spark.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.text.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    CliTest.Run run = cli("study", "run", spec.toString(), "--out", root, "--master", "local[1]", "--run-id", "r1");
    assertEquals(0, run.code(), run.err());
  }

  /** Each statement class of the issue, with what the refusal must name. */
  static final Map<String, String> ATTEMPTS = Map.ofEntries(
      Map.entry("INSERT OVERWRITE DIRECTORY '%s/results' USING parquet SELECT * FROM runs",
          "writing files (INSERT OVERWRITE DIRECTORY) is not allowed"),
      Map.entry("INSERT INTO TABLE results SELECT * FROM results", "INSERT is not allowed"),
      Map.entry("CREATE TABLE t LOCATION '%s/elsewhere' AS SELECT * FROM runs", "CREATE TABLE is not allowed"),
      Map.entry("DROP VIEW results", "is not allowed"),
      Map.entry("SET spark.sql.runSQLOnFiles=true", "SET is not allowed"),
      Map.entry("ADD JAR '%s/evil.jar'", "ADD JAR is not allowed"),
      Map.entry("BEGIN SELECT 1; END", "SQL scripting (BEGIN … END) is not allowed"),
      Map.entry("SELECT * FROM text.`/etc/passwd`", "reading text./etc/passwd (a file, path or catalog table) is not allowed"),
      Map.entry("SELECT * FROM parquet.`%s/results`", "(a file, path or catalog table) is not allowed"),
      Map.entry("SELECT reflect('java.lang.System', 'getenv', 'HOME')", "calling Java methods (reflect) is not allowed"),
      Map.entry("SELECT java_method('java.lang.System', 'exit', 0) FROM runs",
          "calling Java methods (java_method) is not allowed"),
      Map.entry("SELECT * FROM runs WHERE run_id IN (SELECT try_reflect('java.lang.System', 'getenv', 'HOME'))",
          "calling Java methods (try_reflect) is not allowed"),
      Map.entry("EXPLAIN INSERT OVERWRITE DIRECTORY '%s/x' USING parquet SELECT 1", "is not allowed"),
      Map.entry("CACHE TABLE results", "CACHE TABLE is not allowed"));

  @Test
  void everyStatementThatCouldWriteReadFilesOrRunCodeIsRefusedAndTheTablesStayByteIdentical() throws Exception {
    Map<String, String> before = digests(Path.of(root));
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("results/")), before.toString());
    for (Map.Entry<String, String> a : ATTEMPTS.entrySet()) {
      String sql = a.getKey().replace("%s", root);
      CliTest.Run r = cli("query", sql, "--out", root, "--master", "local[1]");
      assertOneLineError(r, "error: query: ");
      assertTrue(r.err().contains(a.getValue()), sql + " → " + r.err());
    }
    assertEquals(before, digests(Path.of(root)), "the tables' files are unchanged");
    assertFalse(Files.exists(Path.of(root, "elsewhere")));
    assertFalse(Files.exists(Path.of(root, "x")));
  }

  @Test
  void readOnlyStatementsRunAndMistakesInAQueryAreOneLineFromSpark() {
    CliTest.Run ok = cli("query", "WITH r AS (SELECT run_id, rows FROM runs) SELECT run_id FROM r "
        + "WHERE rows > (SELECT count(*) FROM frontier)", "--out", root, "--master", "local[1]", "-o", "json");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("{\"run_id\":\"r1\"}", ok.out().strip());
    for (String sql : List.of("EXPLAIN SELECT * FROM results", "SHOW TABLES", "DESCRIBE results",
        "SELECT id FROM range(3)", "VALUES (1, 2)")) {
      CliTest.Run r = cli("query", sql, "--out", root, "--master", "local[1]");
      assertEquals(0, r.code(), sql + ": " + r.err());
      assertFalse(r.out().isBlank(), sql);
    }
    assertOneLineError(cli("query", "SELECT 1/0 FROM runs", "--out", root, "--master", "local[1]"),
        "error: query: [DIVIDE_BY_ZERO]");
    assertOneLineError(cli("query", "SELECT nope FROM results", "--out", root, "--master", "local[1]"),
        "error: query: [UNRESOLVED_COLUMN");
    assertOneLineError(cli("query", "SELEC 1", "--out", root, "--master", "local[1]"), "error: query: [PARSE_SYNTAX_ERROR]");
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
