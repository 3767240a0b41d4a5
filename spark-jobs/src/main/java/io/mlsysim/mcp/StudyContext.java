package io.mlsysim.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mlsysim.spark.Sessions;
import io.mlsysim.spark.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the study tools share: the one output root they may write under and read from, and the
 * embedded Spark session, started on the first study call (so listing tools and calling
 * resolvers never pay for Spark) and kept for the server's life.
 */
final class StudyContext {
  private final Path root;
  private final String master;
  private SparkSession spark;

  StudyContext(Path root, String master) {
    this.root = root.toAbsolutePath().normalize();
    this.master = master;
  }

  Path root() {
    return root;
  }

  synchronized SparkSession spark() {
    if (spark == null) {
      spark = Sessions.local(master, "mlsysim mcp");
    }
    return spark;
  }

  /** The study views (results, frontier, runs, sources, frontier_changes, columns) over the root, refreshed. */
  synchronized SparkSession withViews() {
    SparkSession s = spark();
    Tables.registerViews(s, root.toString());
    return s;
  }

  synchronized void stop() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /** Rows as JSON objects, through Spark's own JSON so every column type reads back as Spark writes it. */
  static List<Map<String, Object>> rows(Dataset<Row> df, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : df.limit(limit).toJSON().collectAsList()) {
      try {
        out.add(ToolResults.JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
