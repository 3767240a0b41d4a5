package io.mlsysim.dse;

import java.util.Set;

/**
 * Columns every study results table has besides the inputs and results of its pipeline (see
 * the Spark module's {@code StudyRows} schema and the {@code study}/{@code run_id} partitions).
 * A pipeline's own ports must not take these names, so the study reader namespaces or refuses
 * them before Spark starts.
 */
public final class TableColumns {
  private TableColumns() {}

  public static final Set<String> RESERVED =
      Set.of("candidate_id", "feasible", "status", "reason", "generation", "study", "run_id");
}
