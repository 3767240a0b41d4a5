package io.mlsysim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Where a study's tables live and how a run is published. Under an output root:
 *
 * <pre>
 *   results/study=S/run_id=R/part-*.parquet     one row per candidate
 *   frontier/study=S/run_id=R/part-*.parquet    Pareto layers of the feasible rows
 *   sources/study=S/run_id=R/part-*.parquet     zoo entries and constants the run used
 *   frontier_changes/study=S/run_id=R/…         how the frontier moved since the previous run
 *   runs/study=S/run_id=R/part-*.parquet        one row per run: the commit record
 *   _staging/…                                  runs being written (never read)
 * </pre>
 *
 * A run is written under {@code _staging}, then each table's partition directory is renamed
 * into place and the {@code runs} partition last. The views ({@link #registerViews}) show only
 * runs that have their {@code runs} row, so a reader never sees half a run; re-running a run id
 * first withdraws its {@code runs} row, then replaces only its own partitions.
 */
public final class Tables {
  public static final String RESULTS = "results";
  public static final String FRONTIER = "frontier";
  public static final String SOURCES = "sources";
  public static final String RUNS = "runs";
  public static final String FRONTIER_CHANGES = "frontier_changes";
  static final List<String> DATA_TABLES = List.of(RESULTS, FRONTIER, SOURCES, FRONTIER_CHANGES);
  /** Every view {@link #registerViews} defines. */
  public static final List<String> VIEWS = List.of(RUNS, RESULTS, FRONTIER, SOURCES, FRONTIER_CHANGES);

  /**
   * Columns of the runs row that older runs do not have, with their types: a reader sees them
   * as nulls on those runs instead of failing, whichever part file Spark takes the schema from.
   */
  static final Map<String, DataType> RUNS_COLUMNS_SINCE_NIGHTLY = runsColumnsSinceNightly();

  private Tables() {}

  static Path partition(String root, String table, String study, String runId) {
    return new Path(new Path(new Path(root, table), "study=" + study), "run_id=" + runId);
  }

  static Path staging(String root, String study, String runId, String nonce) {
    return new Path(new Path(root, "_staging"), study + "-" + runId + "-" + nonce);
  }

  /** Moves the staged tables into place, the runs row last. */
  static void publish(SparkSession spark, String root, Path staged, String study, String runId) {
    try {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path runs = partition(root, RUNS, study, runId);
      if (fs.exists(runs) && !fs.delete(runs, true)) { // withdraw an earlier run with this id first
        throw new IOException("cannot withdraw " + runs);
      }
      for (String t : DATA_TABLES) {
        replace(fs, new Path(staged, t), partition(root, t, study, runId));
      }
      replace(fs, new Path(staged, RUNS), runs);
      fs.delete(staged, true);
      Path stagingRoot = staged.getParent();
      if (fs.exists(stagingRoot) && fs.listStatus(stagingRoot).length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing run " + runId + " of " + study + " under " + root, e);
    }
  }

  private static void replace(FileSystem fs, Path from, Path to) throws IOException {
    if (fs.exists(to) && !fs.delete(to, true)) {
      throw new IOException("cannot remove the previous " + to);
    }
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  /** True when the root holds at least one committed run. */
  public static boolean hasRuns(SparkSession spark, String root) {
    try {
      Path runs = new Path(root, RUNS);
      FileSystem fs = runs.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(runs) && fs.listStatus(runs).length > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a table, committed runs only. */
  public static Dataset<Row> read(SparkSession spark, String root, String table) {
    // Merged, because runs written before a column existed sit next to runs that have it.
    Dataset<Row> runs = spark.read().option("basePath", new Path(root, RUNS).toString()).option("mergeSchema", "true")
        .parquet(new Path(root, RUNS).toString());
    for (Map.Entry<String, DataType> c : RUNS_COLUMNS_SINCE_NIGHTLY.entrySet()) {
      if (!java.util.Arrays.asList(runs.columns()).contains(c.getKey())) {
        runs = runs.withColumn(c.getKey(), functions.lit(null).cast(c.getValue()));
      }
    }
    if (table.equals(RUNS)) {
      return runs;
    }
    Dataset<Row> t;
    if (table.equals(FRONTIER_CHANGES) && !exists(spark, new Path(root, table))) {
      // A root with only runs from before frontier_changes existed: an empty table, not an error.
      t = spark.createDataFrame(List.of(), FrontierChanges.BASE_SCHEMA
          .add("study", DataTypes.StringType).add("run_id", DataTypes.StringType));
    } else {
      t = spark.read().option("mergeSchema", "true").parquet(new Path(root, table).toString());
    }
    return t.join(runs.select("study", "run_id"), scala.jdk.CollectionConverters.ListHasAsScala(
        List.of("study", "run_id")).asScala().toSeq(), "left_semi");
  }

  private static boolean exists(SparkSession spark, Path p) {
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + p, e);
    }
  }

  /** Registers the views results, frontier, runs, sources and frontier_changes over committed runs. */
  public static void registerViews(SparkSession spark, String root) {
    if (!hasRuns(spark, root)) {
      throw new IllegalArgumentException("no study runs under " + root
          + "; run one first (mlsysim study run <spec.yaml>) or pass --out <dir>");
    }
    for (String t : VIEWS) {
      read(spark, root, t).createOrReplaceTempView(t);
    }
  }

  private static Map<String, DataType> runsColumnsSinceNightly() {
    Map<String, DataType> m = new LinkedHashMap<>();
    m.put("inputs_fingerprint", DataTypes.StringType);
    m.put("previous_run_id", DataTypes.StringType);
    m.put("frontier_added", DataTypes.LongType);
    m.put("frontier_removed", DataTypes.LongType);
    m.put("frontier_kept", DataTypes.LongType);
    return java.util.Collections.unmodifiableMap(m);
  }
}
