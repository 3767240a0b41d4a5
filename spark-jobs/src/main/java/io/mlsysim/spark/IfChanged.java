package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.zoo.Zoo;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code --if-changed}, the same for {@code mlsysim study run} and {@link StudyJob}: skip the run
 * when the study's latest committed run has the same inputs fingerprint. Decided from the runs
 * rows and the files' footers alone, before any Spark session starts; a run recorded before
 * fingerprints existed counts as different, and so does a damaged run: with the same inputs it is
 * run again under its own id, which replaces it.
 */
final class IfChanged {
  private IfChanged() {}

  /**
   * What to do.
   *
   * @param unchangedSince the latest run, when nothing would change (skip); else null
   * @param runId the id to run under (null: a new one)
   * @param note a line for stderr about a damaged latest run, or null
   */
  record Decision(RunHistory.Run unchangedSince, String runId, String note) {}

  static Decision decide(Configuration conf, String root, StudyPlan plan, Zoo zoo, String requestedRunId) {
    Optional<RunHistory.Run> latest = RunHistory.latest(conf, root, plan.name(), null);
    if (latest.isEmpty()) {
      return new Decision(null, requestedRunId, null);
    }
    RunHistory.Run r = latest.get();
    boolean same = InputsFingerprint.of(plan, zoo).equals(r.inputsFingerprint());
    Optional<String> damage = r.damage(conf, root);
    if (damage.isPresent()) {
      // Same inputs (or a record too damaged to tell): run it again under its id, which replaces it.
      String id = requestedRunId != null ? requestedRunId : same || r.unreadable() != null ? r.runId() : null;
      return new Decision(null, id, plan.name() + ": the latest run " + r.runId() + " is damaged (" + damage.get()
          + "); " + (r.runId().equals(id) ? "running it again to replace it" : "running the study"));
    }
    return same ? new Decision(r, null, null) : new Decision(null, requestedRunId, null);
  }

  /** The latest committed run when it is whole and has this plan's fingerprint (nothing would change), else empty. */
  static Optional<RunHistory.Run> unchangedSince(Configuration conf, String root, StudyPlan plan, Zoo zoo) {
    return Optional.ofNullable(decide(conf, root, plan, zoo, null).unchangedSince());
  }

  /** The one stderr line of a skipped run. */
  static String message(RunHistory.Run previous) {
    return previous.study() + ": unchanged since run " + previous.runId()
        + " (same spec, zoo, engine and resolvers); nothing to do";
  }

  /** The {@code -o json} summary of a skipped run, one line. */
  static String json(RunHistory.Run previous, String root) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("study", DataTypes.StringType, false),
        DataTypes.createStructField("skipped", DataTypes.BooleanType, false),
        DataTypes.createStructField("previous_run_id", DataTypes.StringType, false),
        DataTypes.createStructField("inputs_fingerprint", DataTypes.StringType, false),
        DataTypes.createStructField("tables", DataTypes.StringType, false)));
    return Tabulate.render(schema, List.of(RowFactory.create(previous.study(), true, previous.runId(),
        previous.inputsFingerprint(), root)), "json");
  }
}
