package io.mlsysim.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.text.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only guard on one local session over real Parquet behind temporary views, as the
 * query command sets them up: every statement class that could write, change the session, read
 * files or run code is refused before anything runs, and the files stay byte-identical.
 */
class ReadOnlySqlTest {
  static SparkSession spark;
  @TempDir
  static Path dir;
  static Path table;

  @BeforeAll
  static void start() {
    spark = io.mlsysim.spark.Sessions.local("local[1]", "ReadOnlySqlTest");
    table = dir.resolve("results");
    spark.range(10).selectExpr("id", "id * 2 AS twice").write().mode(SaveMode.ErrorIfExists).parquet(table.toString());
    spark.read().parquet(table.toString()).createOrReplaceTempView("results");
    spark.range(3).selectExpr("'r' || id AS run_id").createOrReplaceTempView("runs");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Each statement class of the issue, with what the refusal must name. */
  static final Map<String, String> ATTEMPTS = Map.ofEntries(
      Map.entry("INSERT OVERWRITE DIRECTORY '%s' USING parquet SELECT * FROM runs",
          "writing files (INSERT OVERWRITE DIRECTORY) is not allowed"),
      Map.entry("INSERT INTO TABLE results SELECT * FROM results", "INSERT is not allowed"),
      Map.entry("CREATE TABLE t LOCATION '%s/../elsewhere' AS SELECT * FROM runs", "CREATE TABLE is not allowed"),
      Map.entry("CREATE TEMPORARY VIEW v AS SELECT 1", "CREATE VIEW is not allowed"),
      Map.entry("DROP VIEW results", "is not allowed"),
      Map.entry("SET spark.sql.runSQLOnFiles=true", "SET is not allowed"),
      Map.entry("ADD JAR '%s/evil.jar'", "ADD JAR is not allowed"),
      Map.entry("BEGIN SELECT 1; END", "SQL scripting (BEGIN … END) is not allowed"),
      Map.entry("SELECT * FROM text.`/etc/passwd`", "reading text./etc/passwd (a file, path or catalog table) is not allowed"),
      Map.entry("SELECT * FROM csv.`/etc/passwd`", "reading csv./etc/passwd"),
      Map.entry("SELECT * FROM results r JOIN parquet.`%s` p ON r.id = p.id", "(a file, path or catalog table) is not allowed"),
      Map.entry("DESCRIBE parquet.`%s`", "describing parquet."),
      Map.entry("SELECT reflect('java.lang.System', 'getenv', 'HOME')", "calling Java methods (reflect) is not allowed"),
      Map.entry("SELECT java_method('java.lang.System', 'exit', 0) FROM runs",
          "calling Java methods (java_method) is not allowed"),
      Map.entry("SELECT * FROM runs WHERE run_id IN (SELECT try_reflect('java.lang.System', 'getenv', 'HOME'))",
          "calling Java methods (try_reflect) is not allowed"),
      Map.entry("WITH x AS (SELECT reflect('java.lang.Thread', 'currentThread') AS t) SELECT * FROM x",
          "calling Java methods (reflect) is not allowed"),
      Map.entry("EXPLAIN INSERT OVERWRITE DIRECTORY '%s' USING parquet SELECT 1", "is not allowed"),
      Map.entry("CACHE TABLE results", "CACHE TABLE is not allowed"),
      Map.entry("SELECT * FROM read_files('%s')", "the table function read_files is not allowed"));

  @Test
  void everyStatementThatCouldWriteReadFilesOrRunCodeIsRefusedAndTheFilesStayByteIdentical() throws Exception {
    Map<String, String> before = digests(dir);
    assertTrue(before.size() > 1, before.toString());
    for (Map.Entry<String, String> a : ATTEMPTS.entrySet()) {
      String sql = a.getKey().replace("%s", table.toString());
      ReadOnlySql.Refused r = assertThrows(ReadOnlySql.Refused.class, () -> ReadOnlySql.query(spark, sql), sql);
      assertTrue(r.getMessage().contains(a.getValue()), sql + " → " + r.getMessage());
      assertEquals(1, r.getMessage().lines().count(), r.getMessage());
    }
    assertEquals(before, digests(dir), "the files are unchanged");
    assertFalse(Files.exists(dir.resolve("elsewhere")));
    assertEquals(List.of("results", "runs"), spark.catalog().listTables().collectAsList().stream()
        .map(t -> t.name()).sorted().toList(), "no view or table was created");
    assertEquals("true", spark.conf().get("spark.sql.runSQLOnFiles"), "no setting was changed");
  }

  @Test
  void readOnlyStatementsAnswer() {
    List<Row> rows = ReadOnlySql.query(spark, "WITH r AS (SELECT run_id FROM runs) SELECT count(*) FROM r "
        + "WHERE run_id IN (SELECT 'r' || id FROM results WHERE twice > 2)").collectAsList();
    assertEquals(1L, rows.get(0).getLong(0)); // r2 only: ids 2..9 double to more than 2, and runs has r0..r2
    assertEquals(10L, ReadOnlySql.query(spark, "SELECT * FROM results r JOIN runs ON true LIMIT 10").count());
    assertTrue(ReadOnlySql.query(spark, "EXPLAIN SELECT * FROM results").first().getString(0).contains("Parquet"));
    assertEquals(2L, ReadOnlySql.query(spark, "SHOW TABLES").count());
    assertEquals(2L, ReadOnlySql.query(spark, "DESCRIBE results").count()); // id, twice
    assertEquals(3L, ReadOnlySql.query(spark, "SELECT id, sum(id) OVER (ORDER BY id) FROM range(3)").count());
    assertEquals(2L, ReadOnlySql.query(spark, "SELECT explode(array(1, 2))").count());
    assertEquals(1L, ReadOnlySql.query(spark, "VALUES (1, 2)").count());
  }

  @Test
  void mistakesInAQueryAreSparksOneLine() {
    ReadOnlySql.Invalid parse = assertThrows(ReadOnlySql.Invalid.class, () -> ReadOnlySql.query(spark, "SELEC 1"));
    assertTrue(parse.getMessage().startsWith("[PARSE_SYNTAX_ERROR]"), parse.getMessage());
    ReadOnlySql.Invalid column = assertThrows(ReadOnlySql.Invalid.class,
        () -> ReadOnlySql.query(spark, "SELECT nope FROM results"));
    assertTrue(column.getMessage().startsWith("[UNRESOLVED_COLUMN"), column.getMessage());
    // A run-time error surfaces when the rows are computed; SqlErrors gives Spark's first line.
    Exception e = assertThrows(Exception.class,
        () -> ReadOnlySql.query(spark, "SELECT 1 / (id - id) FROM results").collectAsList());
    String m = SqlErrors.userMessage(e).orElseThrow();
    assertTrue(m.startsWith("[DIVIDE_BY_ZERO]"), m);
    assertEquals(1, m.lines().count());
    assertTrue(SqlErrors.userMessage(new IllegalStateException("a defect")).isEmpty());
  }

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
