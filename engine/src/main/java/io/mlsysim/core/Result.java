package io.mlsysim.core;

import java.util.List;

/**
 * The typed outcome of one evaluation. Java callers use the implementing record's accessors;
 * generic consumers (JSON, Parquet, display) use {@link ResultView#of}, which is built from
 * {@link #export} and the ports' units.
 */
public interface Result {

  /**
   * Writes every field of this result to its port. Must write each port the resolver declares
   * as produced, and nothing else. Called once per evaluation on the hot path: no formatting,
   * no allocation beyond what the values themselves need.
   */
  void export(Outputs out);

  /**
   * Human-readable reasons behind the numbers (which constraint bound, which term dominated).
   * Computed only when asked, never during evaluation, so implementations should build the text
   * inside this method rather than storing it.
   */
  default List<String> trace() {
    return List.of();
  }
}
