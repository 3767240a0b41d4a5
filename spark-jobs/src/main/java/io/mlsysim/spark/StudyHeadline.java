package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import java.util.Locale;

/**
 * The line a study run starts with: what it evaluates and where. Dimensions are counted as the
 * reader thinks of them: those the spec varies, and apart from them those it fixes (a study of 27
 * dimensions that varies 8 is an 8-dimensional search).
 */
final class StudyHeadline {
  private StudyHeadline() {}

  static String of(StudyPlan plan, String master) {
    int varied = FrontierPrinter.shownDimensions(plan).size();
    int fixed = plan.space().count() - varied;
    String work = plan.strategy() == null
        ? plan.strategySpec().population() + " × " + plan.strategySpec().generations() + " generations"
        : String.format(Locale.ROOT, "%,d candidates", plan.strategy().count());
    return String.format(Locale.ROOT, "%s: %s (%s), %d varied dimension%s and %d fixed, on %s", plan.name(), work,
        plan.strategyKind(), varied, varied == 1 ? "" : "s", fixed, master);
  }

  /** Candidates the run evaluates: the grid's, or the search's population times its generations. */
  static long candidates(StudyPlan plan) {
    return plan.strategy() == null ? (long) plan.strategySpec().population() * plan.strategySpec().generations()
        : plan.strategy().count();
  }
}
