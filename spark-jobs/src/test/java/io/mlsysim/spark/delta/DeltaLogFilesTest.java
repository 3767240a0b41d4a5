package io.mlsysim.spark.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.spark.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's reader of Delta logs against Delta itself: after appends, deletes of whole
 * partitions and checkpoints (single- and multi-part), the live files it finds are the files
 * Spark's Delta reader scans ({@code inputFiles()}), with the partition values of their folders.
 */
class DeltaLogFilesTest {
  static SparkSession spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = Sessions.local("local[1]", "DeltaLogFilesTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void liveFilesAreWhatDeltaScansAcrossCheckpoints() throws Exception {
    for (String parts : List.of("single", "multi")) {
      String table = dir.resolve(parts).toString();
      // a checkpoint every 3 commits; "multi" splits each checkpoint into parts of 2 actions
      spark.conf().set("spark.databricks.delta.checkpoint.partSize", parts.equals("multi") ? "2" : "1000000");
      spark.conf().set("spark.databricks.delta.properties.defaults.checkpointInterval", "3");
      for (int i = 0; i < 8; i++) {
        spark.range(0, 5).selectExpr("id", "'run " + i + "' AS run_id", "'s' AS study").write().format("delta")
            .mode(SaveMode.Append).partitionBy("study", "run_id").save(table);
        if (i % 3 == 2) { // drop an earlier run: a remove of its files
          io.delta.tables.DeltaTable.forPath(spark, table).delete("run_id = 'run " + (i - 2) + "'");
        }
      }
      try (Stream<Path> log = Files.list(Path.of(table, "_delta_log"))) {
        List<String> checkpoints = log.map(p -> p.getFileName().toString()).filter(n -> n.contains(".checkpoint."))
            .toList();
        assertTrue(!checkpoints.isEmpty(), "Delta wrote checkpoints: " + checkpoints);
        if (parts.equals("multi")) {
          assertTrue(checkpoints.stream().anyMatch(n -> n.matches("\\d{20}\\.checkpoint\\.\\d{10}\\.\\d{10}\\.parquet")),
              "multi-part checkpoints: " + checkpoints);
        }
      }
      Set<String> scanned = new TreeSet<>();
      for (String f : spark.read().format("delta").load(table).inputFiles()) {
        scanned.add(new org.apache.hadoop.fs.Path(f).toUri().getPath());
      }
      Set<String> live = new TreeSet<>();
      List<String> wrongValues = new ArrayList<>();
      for (DeltaLogFiles.DataFile f : DeltaLogFiles.live(spark.sparkContext().hadoopConfiguration(),
          new org.apache.hadoop.fs.Path(table))) {
        String path = f.path().toUri().getPath();
        live.add(path);
        String folder = "run_id=" + f.partitionValues().get("run_id");
        if (!path.contains("/study=" + f.partitionValues().get("study") + "/") || !path.contains("/" + folder + "/")) {
          wrongValues.add(path + " " + f.partitionValues());
        }
      }
      assertEquals(scanned, live, parts);
      assertEquals(List.of(), wrongValues, parts);
      assertEquals(8 - 2, live.stream().map(p -> p.replaceAll(".*/run_id=([^/]*)/.*", "$1")).distinct().count(),
          "runs 0, 3 deleted: " + live);
    }
  }
}
