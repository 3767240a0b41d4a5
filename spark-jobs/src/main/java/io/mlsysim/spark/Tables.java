package io.mlsysim.spark;

import io.mlsysim.spark.integrity.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
 * A run is written whole under {@code _staging}; its runs row lists every data file with its row
 * count (the manifest). Publishing moves the data files into the run's folders, then moves the
 * runs file in: that rename is the commit. Readers ({@link #registerViews}, {@link #read}) read
 * exactly the files the committed runs rows list, so half-published files, files left by a killed
 * re-run and stray files are never read. Re-running a run id publishes next to the old run and
 * only then removes the old runs file and the old data files: until the new run is committed the
 * old one stays whole and visible, and a folder briefly holding both runs files means the newer
 * commit.
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
  /** The same for the columns that record what a run wrote (see {@link Manifest}). */
  static final Map<String, DataType> RUNS_COLUMNS_SINCE_MANIFESTS = Map.of("commit_id", DataTypes.StringType,
      "manifest", DataTypes.StringType, "sources_rows", DataTypes.LongType, "frontier_changes_rows",
      DataTypes.LongType);

  private Tables() {}

  static Path partition(String root, String table, String study, String runId) {
    return new Path(new Path(new Path(root, table), "study=" + study), "run_id=" + runId);
  }

  /** Where a table's folder is under the output root. */
  static String path(String root, String table) {
    return new Path(root, table).toString();
  }

  static Path staging(String root, String study, String runId, String nonce) {
    return new Path(new Path(root, "_staging"), study + "-" + runId + "-" + nonce);
  }

  /**
   * Publishes a staged run: its data files into the run's folders, then its runs file (the
   * commit), then the previous run with this id, if any, is withdrawn: its runs file and every
   * file of the run's folders the new manifest does not list.
   */
  static void publish(SparkSession spark, String root, Path staged, String study, String runId, Manifest manifest) {
    try {
      FileSystem fs = new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
      Faults.pauseAt("publish");
      for (Manifest.Entry e : manifest.entries()) {
        Path to = partition(root, e.table(), study, runId);
        fs.mkdirs(to);
        move(fs, new Path(new Path(staged, e.table()), Manifest.stagedName(e.file())), new Path(to, e.file()));
      }
      List<Path> staledRuns = Manifest.dataFiles(fs.getConf(), partition(root, RUNS, study, runId));
      List<Path> stagedRuns = Manifest.dataFiles(fs.getConf(), new Path(staged, RUNS));
      if (stagedRuns.size() != 1) {
        throw new IOException("expected one staged runs file, found " + stagedRuns);
      }
      Faults.pauseAt("commit");
      Path runs = partition(root, RUNS, study, runId);
      fs.mkdirs(runs);
      move(fs, stagedRuns.get(0), new Path(runs, stagedRuns.get(0).getName()));
      Faults.pauseAt("withdraw");
      for (Path old : staledRuns) {
        fs.delete(old, false);
      }
      for (String t : DATA_TABLES) {
        Set<String> keep = new HashSet<>();
        manifest.files(t).forEach(e -> keep.add(e.file()));
        Path dir = partition(root, t, study, runId);
        if (fs.exists(dir)) {
          for (FileStatus f : fs.listStatus(dir)) {
            if (!keep.contains(f.getPath().getName())) {
              fs.delete(f.getPath(), true);
            }
          }
        }
      }
      fs.delete(staged, true);
      Path stagingRoot = staged.getParent();
      if (fs.exists(stagingRoot) && fs.listStatus(stagingRoot).length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing run " + runId + " of " + study + " under " + root, e);
    }
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    if (fs.exists(to) || !fs.rename(from, to)) {
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

  /** Reads a table, committed runs only (whole ones: a damaged run is left out). */
  public static Dataset<Row> read(SparkSession spark, String root, String table) {
    return read(spark, root, table, Committed.scan(spark.sparkContext().hadoopConfiguration(), root).whole());
  }

  /** Reads the files one table's committed runs list. */
  static Dataset<Row> read(SparkSession spark, String root, String table, List<RunHistory.Run> runs) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> files = new ArrayList<>();
    for (RunHistory.Run r : runs) {
      r.files(conf, root, table).forEach(f -> files.add(f.toString()));
    }
    Dataset<Row> t;
    if (files.isEmpty()) {
      // No run has a file of this table (no runs, runs from before frontier_changes existed, or
      // runs without a single ok row): an empty table, not an error.
      StructType base = table.equals(FRONTIER_CHANGES) ? FrontierChanges.BASE_SCHEMA : new StructType();
      t = spark.createDataFrame(List.of(), base.add("study", DataTypes.StringType).add("run_id", DataTypes.StringType));
    } else {
      // Merged, because runs written before a column existed sit next to runs that have it.
      t = spark.read().option("basePath", new Path(root, table).toString()).option("mergeSchema", "true")
          .parquet(files.toArray(new String[0]));
    }
    if (table.equals(RUNS)) {
      List<String> have = java.util.Arrays.asList(t.columns());
      Map<String, DataType> later = new LinkedHashMap<>(RUNS_COLUMNS_SINCE_NIGHTLY);
      later.putAll(RUNS_COLUMNS_SINCE_MANIFESTS);
      for (Map.Entry<String, DataType> c : later.entrySet()) {
        if (!have.contains(c.getKey())) {
          t = t.withColumn(c.getKey(), functions.lit(null).cast(c.getValue()));
        }
      }
    }
    return t;
  }

  /** Reads one table of one committed run (the caller has checked that the run is whole). */
  static Dataset<Row> readRun(SparkSession spark, String root, String table, RunHistory.Run run) {
    return read(spark, root, table, List.of(run));
  }

  /**
   * Registers the views results, frontier, runs, sources and frontier_changes over the committed
   * runs that are whole, and returns the damaged ones, which the views leave out.
   */
  public static List<String> registerViews(SparkSession spark, String root) {
    if (!hasRuns(spark, root)) {
      throw new IllegalArgumentException("no study runs under " + root
          + "; run one first (mlsysim study run <spec.yaml>) or pass --out <dir>");
    }
    Committed c = Committed.scan(spark.sparkContext().hadoopConfiguration(), root);
    if (c.whole().isEmpty()) {
      throw new IllegalArgumentException("no whole study run under " + root + ": " + String.join("; ", c.damaged()));
    }
    for (String t : VIEWS) {
      read(spark, root, t, c.whole()).createOrReplaceTempView(t);
    }
    return c.damaged();
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
