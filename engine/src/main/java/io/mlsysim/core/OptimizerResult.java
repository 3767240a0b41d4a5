package io.mlsysim.core;

import java.util.Map;

/**
 * The standard shape of a search outcome. An optimizer's own result record implements this in
 * addition to its specific fields; the standard fields appear in every result view as
 * objective_value, best_config and total_searched, and {@link #trace()} should say why the
 * winner won (the constraint it met, the runner-up it beat).
 */
public interface OptimizerResult extends Result {

  /** The objective at the winning configuration, canonical SI of the schema's objective kind. */
  double objectiveValue();

  /** The winning configuration, parameter name to value (e.g. hardware → "H100"). */
  Map<String, Object> bestConfig();

  /** How many candidates were evaluated (or considered) to pick the winner. */
  long totalSearched();
}
