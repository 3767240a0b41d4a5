package io.mlsysim.spark;

import io.mlsysim.spark.delta.DeltaLogFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Drops the rows of a study's attempts that are no one's commit: an attempt killed before its
 * commit, or the attempt a re-run of the same run id replaced. Views never show those rows; this
 * keeps plain readers of the tables from seeing them too, and their files from piling up. Each
 * attempt is a partition (study, run_id, commit_id), found from the tables' Delta logs, so each
 * table costs one metadata-only Delta delete. Attempts of a run that may be going on right now
 * (its run lock is held by a live process) are left alone.
 */
final class Orphans {
  private Orphans() {}

  /** One attempt: its run id and commit id. */
  record Attempt(String runId, String commitId) {}

  /**
   * Deletes the study's orphan attempts from every data table and returns them, sorted. A delete
   * that loses a race with a concurrent writer is skipped: the next run of the study retries it.
   */
  static List<Attempt> drop(org.apache.spark.sql.SparkSession spark, String root, String study, String ownRunId) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, String> committed = RunHistory.of(conf, root, study).stream()
        .collect(Collectors.toMap(RunHistory.Run::runId, r -> r.commitId() == null ? "" : r.commitId()));
    Set<Attempt> dropped = new java.util.TreeSet<>(java.util.Comparator.comparing(Attempt::runId)
        .thenComparing(Attempt::commitId));
    for (String table : Tables.DATA_TABLES) {
      Set<Attempt> orphans = new LinkedHashSet<>();
      for (DeltaLogFiles.DataFile f : DeltaLogFiles.live(conf, new Path(root, table))) {
        Map<String, String> p = f.partitionValues();
        if (!study.equals(p.get(Tables.STUDY))) {
          continue;
        }
        Attempt a = new Attempt(p.get(Tables.RUN_ID), p.get(Tables.COMMIT_ID));
        boolean isCommit = a.commitId().equals(committed.get(a.runId()));
        boolean mayBeRunning = !a.runId().equals(ownRunId) && RunLock.mayBeHeld(conf, root, study, a.runId());
        if (!isCommit && !mayBeRunning) {
          orphans.add(a);
        }
      }
      if (orphans.isEmpty()) {
        continue;
      }
      List<String> each = new ArrayList<>();
      for (Attempt a : orphans) {
        each.add("(" + Tables.RUN_ID + " = " + quote(a.runId()) + " AND " + Tables.COMMIT_ID + " = "
            + quote(a.commitId()) + ")");
      }
      try {
        io.delta.tables.DeltaTable.forPath(spark, Tables.path(root, table))
            .delete(Tables.STUDY + " = " + quote(study) + " AND (" + String.join(" OR ", each) + ")");
        dropped.addAll(orphans);
      } catch (io.delta.exceptions.DeltaConcurrentModificationException e) {
        // another run of the study wrote meanwhile; its own clean-up or the next run drops these
      }
    }
    return List.copyOf(dropped);
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
