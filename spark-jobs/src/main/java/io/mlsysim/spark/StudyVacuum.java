package io.mlsysim.spark;

import io.mlsysim.spark.delta.DeltaLogFiles;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim study vacuum}: keeps the latest N committed runs of each study (never fewer than
 * one, so the latest committed run always stays), drops the rest and every orphan attempt, then
 * removes from disk the files no table version needs any more (Delta's VACUUM). While it works it
 * holds the root's vacuum lock: runs that start meanwhile are refused, and it refuses to start
 * while a run may be going on, because VACUUM would delete the files a running append has written
 * but not yet committed.
 */
@Command(name = "vacuum", mixinStandardHelpOptions = true,
    description = "Removes old runs (keeping the latest N of each study), rows of runs that never committed, and "
        + "the files no table needs any more.",
    footer = {"", "Example: mlsysim study vacuum --keep 30"})
final class StudyVacuum extends StudyCommand.Common implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY", description = "only this study (default: all)")
  String study;

  @Option(names = "--keep", paramLabel = "N", required = true,
      description = "committed runs to keep per study, newest first (1 or more)")
  int keep;

  @Override
  public Integer call() {
    if (keep < 1) {
      throw new IllegalArgumentException("--keep " + keep + ": the latest committed run of a study is never removed; "
          + "use 1 or more");
    }
    if (study != null) {
      RunChoice.checkStudyName("vacuum", study);
    }
    String root = root(null);
    Sessions.quietLogs();
    Configuration conf = RunHistory.hadoopConf();
    List<String> studies = study != null ? List.of(study) : RunHistory.studies(conf, root);
    if (study != null) {
      RunChoice.committedRuns(study, root); // one line when the study has no run here
    }
    try (RunLock vacuum = RunLock.acquireVacuum(conf, root)) {
      List<String> running = RunLock.liveRuns(conf, root);
      if (!running.isEmpty()) {
        throw new IllegalArgumentException("runs are going on under " + root + " (" + String.join(", ", running)
            + "); vacuum when they have ended");
      }
      SparkSession spark = Sessions.local(master, "mlsysim study vacuum");
      // Delta lists a table's files for VACUUM in this many tasks; Spark's default (10,000) is
      // meant for clusters and makes a laptop's vacuum take minutes.
      if (!spark.conf().contains("spark.sql.sources.parallelPartitionDiscovery.parallelism")) {
        spark.conf().set("spark.sql.sources.parallelPartitionDiscovery.parallelism",
            String.valueOf(4 * spark.sparkContext().defaultParallelism()));
      }
      try {
        int removedRuns = 0;
        int orphans = 0;
        for (String s : studies) {
          List<RunHistory.Run> runs = RunHistory.of(conf, root, s);
          List<String> oldIds = new ArrayList<>();
          List<String> old = new ArrayList<>();
          for (RunHistory.Run r : runs.subList(0, Math.max(0, runs.size() - keep))) {
            oldIds.add(r.runId());
            old.add("'" + r.runId().replace("'", "\\'") + "'");
          }
          if (!old.isEmpty()) { // the runs rows first: from then on their rows are orphans
            io.delta.tables.DeltaTable.forPath(spark, Tables.path(root, Tables.RUNS))
                .delete(Tables.STUDY + " = '" + s.replace("'", "\\'") + "' AND " + Tables.RUN_ID + " IN ("
                    + String.join(", ", old) + ")");
            removedRuns += old.size();
          }
          orphans += (int) Orphans.drop(spark, root, s, null).stream().filter(a -> !oldIds.contains(a.runId())).count();
        }
        long files = 0;
        for (String t : Tables.VIEWS) {
          if (DeltaLogFiles.isTable(conf, new Path(root, t))) {
            files += vacuum(spark, Tables.path(root, t));
          }
        }
        stdout().printf("%s: removed %d old run(s) and the rows of %d attempt(s) that never committed; "
            + "deleted %d file(s) no table version needs%n", root, removedRuns, orphans, files);
        stdout().flush();
        return 0;
      } finally {
        spark.stop();
      }
    }
  }

  /**
   * Delta's VACUUM with no retention period (the vacuum lock makes waiting unnecessary), its
   * "Deleted N files" console line captured instead of printed; returns the data files it deleted,
   * counted on disk before and after.
   */
  private static long vacuum(SparkSession spark, String table) {
    String previous = spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    try {
      long before = dataFiles(spark, table);
      scala.Console$.MODULE$.withOut(new ByteArrayOutputStream(), () -> {
        io.delta.tables.DeltaTable.forPath(spark, table).vacuum(0);
        return null;
      });
      return before - dataFiles(spark, table);
    } finally {
      spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", previous);
    }
  }

  /** Parquet files under a table's folder, its log aside. */
  private static long dataFiles(SparkSession spark, String table) {
    try {
      Path dir = new Path(table);
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = dir
          .getFileSystem(spark.sparkContext().hadoopConfiguration()).listFiles(dir, true);
      long n = 0;
      while (it.hasNext()) {
        Path p = it.next().getPath();
        n += p.getName().endsWith(".parquet") && !p.toString().contains("/_delta_log/") ? 1 : 0;
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + table, e);
    }
  }
}
