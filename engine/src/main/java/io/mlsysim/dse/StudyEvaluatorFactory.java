package io.mlsysim.dse;

import io.mlsysim.zoo.Zoo;
import java.util.List;

/**
 * A named model pipeline a study can use ({@code pipeline: [name]}). Found with
 * {@link java.util.ServiceLoader}, so a plugin jar adds its own. Declares what it accepts and
 * produces; {@link #bind} resolves the study's values against the zoo on the driver.
 */
public interface StudyEvaluatorFactory {
  /** The name a spec uses. */
  String name();

  /** Version recorded with each run. */
  String version();

  /** Inputs, in the order their columns appear. */
  List<InputDecl> inputs();

  /** Result columns, in order. */
  List<ResultField> results();

  /** Names usable in conditions besides the inputs. */
  List<String> attributes();

  /**
   * Refuses a value the input cannot take (out of its domain, too large for its type) with an
   * {@link IllegalArgumentException} that says why; the study reader calls it for every value
   * the spec gives, before anything runs. Default: every value of the declared kind is fine.
   */
  default void checkValue(String input, Object value) {}

  /** Binds to a space (every input is one of its dimensions) and the zoo. */
  CandidateEvaluator bind(SearchSpace space, Zoo zoo);

  /**
   * Provenance of what a bound study uses: one row per zoo entry and calibration constant
   * (id, kind, reference, url, notes). Default: the zoo entries named by the space.
   */
  default List<SourceRow> sources(SearchSpace space, Zoo zoo) {
    return SourceRow.zooEntries(space, zoo);
  }
}
