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
 * table's log and rows alone, before any Spark session starts; a run recorded before fingerprints
 * existed counts as different.
 */
final class IfChanged {
  private IfChanged() {}

  /**
   * What to do.
   *
   * @param unchangedSince the latest run, when nothing would change (skip); else null
   * @param runId the id to run under (null: a new one)
   */
  record Decision(RunHistory.Run unchangedSince, String runId) {}

  static Decision decide(Configuration conf, String root, StudyPlan plan, Zoo zoo, String requestedRunId) {
    Optional<RunHistory.Run> latest = RunHistory.latest(conf, root, plan.name(), null);
    boolean same = latest.isPresent() && InputsFingerprint.of(plan, zoo).equals(latest.get().inputsFingerprint());
    return same ? new Decision(latest.get(), null) : new Decision(null, requestedRunId);
  }

  /** The latest committed run when it has this plan's fingerprint (nothing would change), else empty. */
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
