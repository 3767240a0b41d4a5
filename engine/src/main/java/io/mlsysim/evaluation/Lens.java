package io.mlsysim.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lens of a scorecard: its name, the question it answers, a verdict, a one-line summary and
 * its metrics in insertion order (numbers in the unit their name says: _gb, _ms, _usd, _t…).
 *
 * @param prefix the dictionary prefix: "f", "p" or "m"
 */
public record Lens(String name, String prefix, String question, LensStatus status, String summary,
    Map<String, Object> metrics) {

  public static final String FEASIBILITY = "Feasibility";
  public static final String PERFORMANCE = "Performance";
  public static final String MACRO = "Macro";

  public Lens {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public static Lens feasibility(LensStatus s, String summary, Map<String, Object> metrics) {
    return new Lens(FEASIBILITY, "f", "will it run?", s, summary, metrics);
  }

  public static Lens performance(LensStatus s, String summary, Map<String, Object> metrics) {
    return new Lens(PERFORMANCE, "p", "is it fast enough?", s, summary, metrics);
  }

  public static Lens macro(LensStatus s, String summary, Map<String, Object> metrics) {
    return new Lens(MACRO, "m", "is it worth it?", s, summary, metrics);
  }

  public boolean passed() {
    return status == LensStatus.PASS || status == LensStatus.SKIPPED;
  }
}
