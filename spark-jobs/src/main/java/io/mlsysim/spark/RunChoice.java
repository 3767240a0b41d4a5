package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Which committed run a picture command draws: the study's latest, or the one {@code --run}
 * names. Decided from the runs rows alone, before Spark starts, so a typo costs no session.
 */
final class RunChoice {
  private RunChoice() {}

  /** The chosen run and the one before it (null for a study's first run). */
  record Chosen(RunHistory.Run run, RunHistory.Run previous) {}

  static Chosen choose(String command, String study, String runId, String root) {
    checkStudyName(command, study);
    RunIds.check("--run", runId);
    List<RunHistory.Run> runs = committedRuns(study, root);
    int at = runs.size() - 1;
    if (runId != null) {
      at = -1;
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).runId().equals(runId)) {
          at = i;
        }
      }
      if (at < 0) {
        List<String> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.runId()));
        throw new IllegalArgumentException("--run '" + runId + "': study '" + study + "' has no committed run with "
            + "that id under " + root + "; its latest runs: "
            + String.join(", ", ids.subList(Math.max(0, ids.size() - 5), ids.size())));
      }
    }
    return new Chosen(runs.get(at), at > 0 ? runs.get(at - 1) : null);
  }

  /** Refuses what cannot be a study's name, saying what {@code command} takes. */
  static void checkStudyName(String command, String study) {
    if (!study.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("'" + study + "' is not a study name; " + command + " takes the name a spec "
          + "gives in 'name:' (lower case, digits, '_', '-'), e.g. mlsysim study " + command + " quickstart");
    }
  }

  /** The study's committed runs, oldest first; none is a one-line refusal naming the studies there. */
  static List<RunHistory.Run> committedRuns(String study, String root) {
    Sessions.quietLogs();
    Configuration conf = RunHistory.hadoopConf();
    List<RunHistory.Run> runs = RunHistory.of(conf, root, study);
    if (runs.isEmpty()) {
      List<String> studies = RunHistory.studies(conf, root);
      throw new IllegalArgumentException(studies.isEmpty()
          ? "no study runs under " + root + "; run one first (mlsysim study run <spec.yaml>) or pass --out <dir>"
          : "study '" + study + "' has no committed runs under " + root + "; studies there: "
              + String.join(", ", studies));
    }
    return runs;
  }
}
