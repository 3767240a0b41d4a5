package io.mlsysim.spark;

import io.mlsysim.charts.Chart;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Studies from Java code that already holds a SparkSession — a notebook, a scheduler — by spec
 * file and study name: run one, draw its frontier, write its report. The same code paths as the
 * {@code study run|plot|report} commands, on the caller's session (which stays open).
 */
public final class Studies {
  private Studies() {}

  /** Runs the study a spec file describes; returns the new run's id. Progress goes to {@code progress}. */
  public static String run(SparkSession spark, Path spec, String root, PrintWriter progress) {
    Zoo zoo = Zoo.current();
    StudyPlan plan = StudyPlan.compile(StudySpec.read(spec), zoo);
    return new StudyRunner(spark, progress).run(plan, zoo, new StudyRunner.Options(root, null, 0)).runId();
  }

  /**
   * The frontier charts of a run (null: the latest): every pair of objectives, candidates
   * coloured by {@code colour} (null: the first decision variable with a few values).
   */
  public static List<Chart> frontierCharts(SparkSession spark, String root, String study, String runId, String colour) {
    RunChoice.Chosen chosen = RunChoice.choose("plot", study, runId, root);
    return StudyPlot.charts(RunPictures.read(spark, root, chosen.run()), null, null, colour);
  }

  /** Writes the HTML report of a run (null: the latest). */
  public static void report(SparkSession spark, String root, String study, String runId, Path to) {
    RunChoice.Chosen chosen = RunChoice.choose("report", study, runId, root);
    StudyReport.write(ReportPage.render(StudyReport.content(spark, root, chosen)), to);
  }
}
