package io.mlsysim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Converts a root written by mlsysim 0.1's Parquet layout into Delta tables, once. That layout
 * kept each run in folders {@code <table>/study=S/run_id=R/} and recorded in the run's runs row
 * which files it published (its {@code manifest}: lines {@code table/file<TAB>rows}). A run
 * recorded before manifests existed cannot be told from files left by a killed re-run, so it is
 * not converted (it stays in the kept folders) and the conversion says so.
 *
 * <p>The old folders are first moved, whole, under {@code _parquet-layout/} of the root, and
 * are never changed or deleted: no data can be lost. Each committed run is then committed again
 * through the Delta protocol ({@link Tables}) under its own commit id, its rows checked against
 * the counts it recorded. A conversion cut short is finished by running it again: runs already
 * converted are skipped. Until the conversion has ended (the file {@value #DONE} under the kept
 * folders), the root is refused by every reader.
 */
final class ParquetLayout {
  /** Where the old folders are kept, under the root. */
  static final String KEPT = "_parquet-layout";
  /** Written under {@link #KEPT} when every run was converted or refused: the conversion is over. */
  static final String DONE = "CONVERTED";
  /** The data tables of the old layout (it had no columns table). */
  private static final List<String> OLD_TABLES = List.of(Tables.RESULTS, Tables.FRONTIER, Tables.SOURCES,
      Tables.FRONTIER_CHANGES);
  private static final List<String> FOLDERS = List.of(Tables.RESULTS, Tables.FRONTIER, Tables.SOURCES,
      Tables.FRONTIER_CHANGES, Tables.RUNS, "_staging");

  private ParquetLayout() {}

  /** What a conversion did. */
  record Outcome(int converted, int skipped, List<String> refused) {}

  /**
   * Refuses a root in the old layout, or whose conversion was cut short, in one line naming the
   * command that converts it.
   */
  static void refuse(Configuration conf, String root) {
    if (needsConversion(conf, root)) {
      throw new IllegalArgumentException(root + " holds study tables in the Parquet layout of mlsysim 0.1; "
          + "convert them to Delta tables once with: mlsysim study convert --out " + root);
    }
  }

  /** The root holds old tables, or a conversion was cut short (old folders kept, no Delta runs table yet). */
  static boolean needsConversion(Configuration conf, String root) {
    try {
      Path runs = new Path(root, Tables.RUNS);
      FileSystem fs = runs.getFileSystem(conf);
      return fs.exists(runs) && !fs.exists(new Path(runs, "_delta_log"))
          || fs.exists(new Path(root, KEPT)) && !fs.exists(new Path(new Path(root, KEPT), DONE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + root, e);
    }
  }

  static Outcome convert(SparkSession spark, String root, PrintWriter progress) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path kept = new Path(root, KEPT);
    try {
      FileSystem fs = kept.getFileSystem(conf);
      Path runs = new Path(root, Tables.RUNS);
      if (!fs.exists(kept)) {
        fs.mkdirs(kept);
        for (String f : FOLDERS) {
          Path from = new Path(root, f);
          if (fs.exists(from) && !fs.rename(from, new Path(kept, f))) {
            throw new IOException("cannot move " + from + " under " + kept);
          }
        }
      }
      int converted = 0;
      int skipped = 0;
      List<String> refused = new ArrayList<>();
      // runs a cut-short conversion already committed (read from the log: the root is still refused)
      java.util.Set<String> done = new java.util.HashSet<>();
      for (io.mlsysim.spark.delta.DeltaLogFiles.DataFile f : io.mlsysim.spark.delta.DeltaLogFiles.live(conf, runs)) {
        done.add(f.partitionValues().get(Tables.STUDY) + "/" + f.partitionValues().get(Tables.RUN_ID));
      }
      for (OldRun run : committedRuns(spark, fs, new Path(kept, Tables.RUNS))) {
        if (done.contains(run.study() + "/" + run.runId())) {
          skipped++;
          continue;
        }
        Optional<String> problem = convert(spark, fs, kept, root, run);
        if (problem.isPresent()) {
          refused.add("run " + run.runId() + " of study " + run.study() + ": " + problem.get());
        } else {
          converted++;
        }
        if (progress != null) {
          progress.printf("%s: run %s %s%n", run.study(), run.runId(), problem.map(p -> "not converted: " + p)
              .orElse("converted"));
          progress.flush();
        }
      }
      try (java.io.OutputStream out = fs.create(new Path(kept, DONE), true)) {
        out.write(("converted " + converted + " run(s); not converted:\n" + String.join("\n", refused) + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return new Outcome(converted, skipped, refused);
    } catch (IOException e) {
      throw new UncheckedIOException("converting " + root, e);
    }
  }

  /** A committed run of the old layout: its runs row file (the newest, if a re-run left two). */
  private record OldRun(String study, String runId, Path runsFile) {}

  private static List<OldRun> committedRuns(SparkSession spark, FileSystem fs, Path runs) throws IOException {
    List<OldRun> out = new ArrayList<>();
    for (FileStatus s : list(fs, runs)) {
      if (!s.isDirectory() || !s.getPath().getName().startsWith("study=")) {
        continue;
      }
      String study = s.getPath().getName().substring("study=".length());
      for (FileStatus r : list(fs, s.getPath())) {
        if (!r.isDirectory() || !r.getPath().getName().startsWith("run_id=")) {
          continue;
        }
        List<Path> files = parquetFiles(fs, r.getPath());
        if (!files.isEmpty()) { // the newest commit wins: commit ids sort by time, Spark's names by nothing
          Path newest = files.get(files.size() - 1);
          for (Path f : files) {
            if (commitId(spark, f).compareTo(commitId(spark, newest)) > 0) {
              newest = f;
            }
          }
          out.add(new OldRun(study, r.getPath().getName().substring("run_id=".length()), newest));
        }
      }
    }
    return out;
  }

  private static String commitId(SparkSession spark, Path runsFile) {
    Row r = spark.read().parquet(runsFile.toString()).first();
    int i = Arrays.asList(r.schema().fieldNames()).indexOf(Tables.COMMIT_ID);
    return i < 0 || r.isNullAt(i) ? "" : r.getString(i);
  }

  /** Converts one run; a reason when its files do not hold what it recorded (then nothing of it is committed). */
  private static Optional<String> convert(SparkSession spark, FileSystem fs, Path kept, String root, OldRun run)
      throws IOException {
    Dataset<Row> runsRow = spark.read().parquet(run.runsFile().toString());
    Row row = runsRow.first();
    List<String> cols = Arrays.asList(row.schema().fieldNames());
    String manifest = cols.contains("manifest") && !row.isNullAt(cols.indexOf("manifest"))
        ? row.getString(cols.indexOf("manifest")) : null;
    String commitId = cols.contains(Tables.COMMIT_ID) && !row.isNullAt(cols.indexOf(Tables.COMMIT_ID))
        ? row.getString(cols.indexOf(Tables.COMMIT_ID)) : StudyRunner.newCommitId();
    List<Dataset<Row>> tables = new ArrayList<>();
    for (String table : OLD_TABLES) {
      Path dir = new Path(new Path(new Path(kept, table), "study=" + run.study()), "run_id=" + run.runId());
      List<String> files = new ArrayList<>();
      long recorded = 0;
      if (manifest != null) {
        for (String line : manifest.split("\n")) {
          int slash = line.indexOf('/');
          int tab = line.lastIndexOf('\t');
          if (slash > 0 && tab > slash && line.substring(0, slash).equals(table)) {
            files.add(new Path(dir, line.substring(slash + 1, tab)).toString());
            recorded += Long.parseLong(line.substring(tab + 1));
          }
        }
      } else {
        return Optional.of("recorded before runs kept a manifest of their files; run the study again instead");
      }
      for (String f : files) {
        if (!fs.exists(new Path(f))) {
          return Optional.of(table + ": file " + new Path(f).getName() + " is missing");
        }
      }
      Dataset<Row> rows = files.isEmpty() ? null : spark.read().parquet(files.toArray(new String[0]));
      long has = rows == null ? 0 : rows.count();
      if (has != recorded) {
        return Optional.of(String.format("%s: its files hold %,d rows, the run recorded %,d", table, has, recorded));
      }
      tables.add(rows);
    }
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i) != null) {
        Tables.append(tables.get(i), root, OLD_TABLES.get(i), run.study(), run.runId(), commitId);
      }
    }
    Tables.commit(runsRow.drop("manifest").withColumn(Tables.COMMIT_ID, functions.lit(commitId)), root, run.study(),
        run.runId(), commitId);
    return Optional.empty();
  }

  private static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus s : list(fs, dir)) {
      String n = s.getPath().getName();
      if (s.isFile() && !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".parquet")) {
        out.add(s.getPath());
      }
    }
    out.sort(null);
    return out;
  }

  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    return fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
  }
}
