package io.mlsysim.spark;

import static io.mlsysim.spark.CliTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root written by mlsysim 0.1's Parquet layout (real files from that release, see the fixture's
 * README) is refused in one line until it is converted; the conversion keeps every old file as it
 * was and brings every run over with the rows its runs row recorded.
 */
class ParquetLayoutTest {
  static final Path FIXTURE = Path.of("src/test/resources/parquet-layout-0.1");

  @TempDir
  Path dir;

  @Test
  void anOldRootIsRefusedUntilConvertedAndTheConversionLosesNothing() throws Exception {
    Path root = dir.resolve("tables");
    FileUtils.copyDirectory(FIXTURE.toFile(), root.toFile());
    Map<String, String> before = digests(root);
    Map<String, Map<String, Long>> recorded = recordedCounts(root);
    assertEquals(3, recorded.size(), recorded.toString());

    String refusal = "error: " + root + " holds study tables in the Parquet layout of mlsysim 0.1; convert them to "
        + "Delta tables once with: mlsysim study convert --out " + root;
    assertOneLineError(CliRun.of("query", "SELECT count(*) FROM results", "--out", root.toString()), refusal);
    assertOneLineError(CliRun.of("study", "run", root.resolve("tiny.yaml").toString(), "--out", root.toString()),
        refusal);
    assertEquals(before, digests(root), "a refusal changes nothing");

    CliRun convert = CliRun.of("study", "convert", "--out", root.toString(), "--master", "local[1]");
    assertEquals(0, convert.code(), convert.err());
    assertTrue(convert.out().startsWith("converted 3 run(s) under " + root), convert.out());
    Map<String, String> kept = new TreeMap<>();
    digests(root.resolve(ParquetLayout.KEPT)).forEach((k, v) -> kept.put(k, v));
    kept.keySet().removeIf(k -> k.equals(ParquetLayout.DONE) || k.equals("." + ParquetLayout.DONE + ".crc"));
    Map<String, String> oldTables = new TreeMap<>(before);
    oldTables.keySet().removeIf(k -> k.endsWith(".yaml") || k.endsWith(".md"));
    assertEquals(oldTables, kept, "every old file is kept, unchanged");

    CliRun q = CliRun.of("query", "SELECT study, run_id, count(*) AS n, sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END)"
        + " AS ok FROM results GROUP BY study, run_id", "--out", root.toString(), "--master", "local[1]", "-o", "json");
    assertEquals(0, q.code(), q.err());
    Map<String, Map<String, Long>> seen = new TreeMap<>();
    for (String line : q.out().lines().toList()) {
      JsonNode n = new ObjectMapper().readTree(line);
      seen.put(n.get("study").asText() + "/" + n.get("run_id").asText(),
          Map.of("rows", n.get("n").asLong(), "ok", n.get("ok").asLong()));
    }
    assertEquals(recorded, seen);

    CliRun again = CliRun.of("study", "convert", "--out", root.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().startsWith("nothing to convert"), again.out());

    // The converted root takes new runs, which compare with the converted ones.
    CliRun next = CliRun.of("study", "run", root.resolve("tiny.yaml").toString(), "--out", root.toString(),
        "--master", "local[1]", "--run-id", "t3");
    assertEquals(0, next.code(), next.err());
    assertTrue(next.err().contains("frontier since run t2:"), next.err());
  }

  /** rows and ok per study/run, as the old runs rows recorded them (read with plain Spark). */
  private static Map<String, Map<String, Long>> recordedCounts(Path root) {
    SparkSession plain = SparkSession.builder().master("local[1]").appName("old runs rows")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Map<String, Map<String, Long>> out = new TreeMap<>();
      for (Row r : plain.read().parquet(root.resolve("runs").toString()).selectExpr("study", "run_id", "rows", "ok")
          .collectAsList()) {
        out.put(r.getString(0) + "/" + r.getString(1), Map.of("rows", r.getLong(2), "ok", r.getLong(3)));
      }
      return out;
    } finally {
      plain.stop();
    }
  }

  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }
}
