package io.mlsysim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a study's tables live and how a run is published. Under an output root:
 *
 * <pre>
 *   results/study=S/run_id=R/part-*.parquet     one row per candidate
 *   frontier/study=S/run_id=R/part-*.parquet    Pareto layers of the feasible rows
 *   sources/study=S/run_id=R/part-*.parquet     zoo entries and constants the run used
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
  static final List<String> DATA_TABLES = List.of(RESULTS, FRONTIER, SOURCES);

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
    Dataset<Row> runs = spark.read().option("basePath", new Path(root, RUNS).toString())
        .parquet(new Path(root, RUNS).toString());
    if (table.equals(RUNS)) {
      return runs;
    }
    Dataset<Row> t = spark.read().option("mergeSchema", "true").parquet(new Path(root, table).toString());
    return t.join(runs.select("study", "run_id"), scala.jdk.CollectionConverters.ListHasAsScala(
        List.of("study", "run_id")).asScala().toSeq(), "left_semi");
  }

  /** Registers the views results, frontier, runs and sources over committed runs. */
  public static void registerViews(SparkSession spark, String root) {
    if (!hasRuns(spark, root)) {
      throw new IllegalArgumentException("no study runs under " + root
          + "; run one first (mlsysim study run <spec.yaml>) or pass --out <dir>");
    }
    for (String t : List.of(RUNS, RESULTS, FRONTIER, SOURCES)) {
      read(spark, root, t).createOrReplaceTempView(t);
    }
  }
}
