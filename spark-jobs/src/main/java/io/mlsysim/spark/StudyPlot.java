package io.mlsysim.spark;

import io.mlsysim.charts.Chart;
import io.mlsysim.charts.ChartFormat;
import io.mlsysim.charts.ChartWriter;
import io.mlsysim.charts.FrontierChart;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim study plot}: a run's frontier over the cloud of its feasible candidates, for two
 * objectives or for every pair of them, read from the tables and drawn by the engine's charts.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = {"Draws a study run's Pareto frontier over its feasible candidates, as PNG or SVG (--to's extension).",
        "Without --x/--y, every pair of the study's objectives, in one picture.",
        "Example: mlsysim study plot quickstart --x duration_s --y tco_usd --color fleet --to frontier.svg"})
final class StudyPlot extends StudyCommand.Common implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY", description = "the study's name, as 'mlsysim study show' lists it")
  String study;

  @Option(names = "--run", paramLabel = "RUN", description = "which run (default: the latest)")
  String runId;

  @Option(names = "--x", paramLabel = "COLUMN", description = "column across (an objective or any numeric result)")
  String x;

  @Option(names = "--y", paramLabel = "COLUMN", description = "column up")
  String y;

  @Option(names = {"--color", "--colour"}, paramLabel = "COLUMN",
      description = "column that colours the candidates (default: the first decision variable with a few values; "
          + "'none' for one colour)")
  String colour;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "the picture to write: FILE.png or FILE.svg")
  Path to;

  @Override
  public Integer call() {
    ChartFormat.of(to); // the extension is checked before anything is read
    if ((x == null) != (y == null)) {
      throw new IllegalArgumentException("--x and --y go together: name both columns, or neither for every pair of "
          + "the study's objectives");
    }
    String root = root(null);
    RunChoice.Chosen chosen = RunChoice.choose("plot", study, runId, root);
    SparkSession spark = Sessions.local(master, "mlsysim study plot " + study);
    try {
      RunPictures p = RunPictures.read(spark, root, chosen.run());
      if (p.okRows == 0) {
        throw new IllegalArgumentException("run " + chosen.run().runId() + " of study '" + study + "' has no feasible "
            + "candidate to draw (mlsysim study report " + study + " says why)");
      }
      List<Chart> charts = charts(p, x, y, colour);
      ChartWriter.write(charts, to);
      stdout().println("wrote " + to + ": " + charts.size() + (charts.size() == 1 ? " chart" : " charts") + " of run "
          + chosen.run().runId() + ", " + p.candidates.rows() + " candidates drawn of " + p.okRows + " feasible");
      stdout().flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** The charts a plot or a report draws for a run. */
  static List<Chart> charts(RunPictures p, String x, String y, String colour) {
    String c = colour == null ? p.defaultColour() : colour.equals("none") ? null : colour;
    if (c != null) {
      p.candidates.column(c); // an unknown colour column is refused with the list of columns
    }
    if (x != null) {
      return List.of(FrontierChart.of(p.candidates, p.objective(x), p.objective(y), c, p.title()));
    }
    return FrontierChart.pairs(p.candidates, p.objectives, c, p.title());
  }
}
