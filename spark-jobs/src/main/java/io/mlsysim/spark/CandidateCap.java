package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import java.util.Locale;

/**
 * How many candidates one run may evaluate. A strategy that would emit 10^12 candidates is a
 * typo (an extra zero or three), not a plan: it would run for days and then be killed. It is
 * refused before Spark starts, with the count and the option that raises the cap. The default
 * is well above the largest study in the project (bench-large, about 1.1 × 10^8 candidates).
 */
final class CandidateCap {
  static final long DEFAULT = 1_000_000_000L;

  private CandidateCap() {}

  static void check(StudyPlan plan, long cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("--max-candidates " + cap + ": it caps candidates per run; use 1 or more");
    }
    long count = count(plan);
    if (count > cap) {
      throw new IllegalArgumentException(plan.origin() + ": strategy '" + plan.strategyKind() + "' would evaluate "
          + String.format(Locale.ROOT, "%,d", count) + " candidates, more than the " + String.format(Locale.ROOT,
          "%,d", cap) + " one run may; shrink the space or the strategy's "
          + (plan.strategy() == null ? "population × generations" : plan.strategyKind().equals("grid")
              ? "dimensions" : "samples") + ", or raise the cap with --max-candidates " + count);
    }
  }

  /** Candidates the strategy emits: the stream's length, or population × generations for NSGA-II. */
  static long count(StudyPlan plan) {
    return plan.strategy() == null
        ? (long) plan.strategySpec().population() * plan.strategySpec().generations()
        : plan.strategy().count();
  }
}
