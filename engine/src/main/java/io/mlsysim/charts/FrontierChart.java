package io.mlsysim.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Two objectives of a study against each other: the cloud of feasible candidates, coloured by a
 * third column; the Pareto frontier over all objectives on top; and the line through the points
 * that are best on these two alone, which is where the trade-off bends.
 */
public final class FrontierChart {
  public static final String FRONTIER_SERIES = "Pareto frontier (all objectives)";

  private FrontierChart() {}

  /**
   * One chart of x against y.
   *
   * @param colour column to colour the candidates by, or null for one colour
   */
  public static Chart of(CandidateTable t, Objective x, Objective y, String colour, String title) {
    CandidateTable.Column cx = numeric(t, x.column(), "--x");
    CandidateTable.Column cy = numeric(t, y.column(), "--y");
    ColourGroups.Groups groups = colour == null ? ColourGroups.none(t.rows(), "candidates")
        : ColourGroups.of(t.column(colour));

    XYSeriesCollection cloud = new XYSeriesCollection();
    List<XYSeries> bySeries = new ArrayList<>();
    for (String g : groups.names()) {
      bySeries.add(new XYSeries(g, false, true));
    }
    XYSeries frontier = new XYSeries(FRONTIER_SERIES, false, true);
    List<double[]> front = new ArrayList<>();
    for (int i = 0; i < t.rows(); i++) {
      double vx = cx.numbers()[i];
      double vy = cy.numbers()[i];
      if (Double.isNaN(vx) || Double.isNaN(vy) || groups.ofRow()[i] < 0) {
        continue;
      }
      bySeries.get(groups.ofRow()[i]).add(vx, vy);
      if (t.onFrontier(i)) {
        frontier.add(vx, vy);
        front.add(new double[] {vx, vy});
      }
    }
    List<String> names = new ArrayList<>();
    XYLineAndShapeRenderer cloudRenderer = new XYLineAndShapeRenderer(false, true);
    for (int g = 0; g < bySeries.size(); g++) {
      if (bySeries.get(g).getItemCount() == 0) {
        continue;
      }
      int s = cloud.getSeriesCount();
      cloud.addSeries(bySeries.get(g));
      cloudRenderer.setSeriesPaint(s, colour == null ? Palette.CLOUD : Palette.category(g));
      cloudRenderer.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
      names.add(bySeries.get(g).getKey().toString());
    }

    XYSeriesCollection top = new XYSeriesCollection();
    XYLineAndShapeRenderer topRenderer = new XYLineAndShapeRenderer(true, true);
    if (frontier.getItemCount() > 0) {
      top.addSeries(frontier);
      topRenderer.setSeriesPaint(0, Palette.FRONTIER);
      topRenderer.setSeriesLinesVisible(0, false);
      topRenderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
      names.add(FRONTIER_SERIES);
      XYSeries line = new XYSeries("trade-off of " + x.column() + " and " + y.column(), false, true);
      for (double[] p : tradeOff(front, x, y)) {
        line.add(p[0], p[1]);
      }
      top.addSeries(line);
      topRenderer.setSeriesPaint(1, Palette.TRADE_OFF);
      topRenderer.setSeriesShapesVisible(1, false);
      topRenderer.setSeriesStroke(1, new BasicStroke(2f));
      names.add(line.getKey().toString());
    }

    XYPlot plot = new XYPlot(cloud, Axes.axis(Axes.label(cx.name(), cx.unit()), cx.numbers()),
        Axes.axis(Axes.label(cy.name(), cy.unit()), cy.numbers()), cloudRenderer);
    plot.setDataset(1, top);
    plot.setRenderer(1, topRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return new Chart(Styles.finish(title, plot), names);
  }

  /** Every pair of objectives, in the order the study lists them. */
  public static List<Chart> pairs(CandidateTable t, List<Objective> objectives, String colour, String title) {
    List<Chart> charts = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      for (int j = i + 1; j < objectives.size(); j++) {
        charts.add(of(t, objectives.get(i), objectives.get(j), colour, title));
      }
    }
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("a frontier chart needs two objectives; the study has "
          + objectives.size() + " (name two columns with --x and --y)");
    }
    return charts;
  }

  /**
   * The points no other point beats on both x and y (ties kept once), sorted by x: the
   * two-objective Pareto front, drawn as a line.
   */
  static List<double[]> tradeOff(List<double[]> points, Objective x, Objective y) {
    List<double[]> best = new ArrayList<>();
    for (double[] p : points) {
      boolean dominated = false;
      for (double[] q : points) {
        boolean noWorse = x.atLeastAsGood(q[0], p[0]) && y.atLeastAsGood(q[1], p[1]);
        boolean better = q[0] != p[0] || q[1] != p[1];
        if (noWorse && better) {
          dominated = true;
          break;
        }
      }
      if (!dominated && best.stream().noneMatch(b -> b[0] == p[0] && b[1] == p[1])) {
        best.add(p);
      }
    }
    best.sort(Comparator.comparingDouble((double[] p) -> p[0]));
    return best;
  }

  private static CandidateTable.Column numeric(CandidateTable t, String name, String option) {
    CandidateTable.Column c = t.column(name);
    if (!c.numeric()) {
      throw new IllegalArgumentException(option + " '" + name + "' is not a numeric column; plot an objective or "
          + "another number (" + String.join(", ", t.names().stream().filter(n -> t.column(n).numeric()).toList())
          + ")");
    }
    return c;
  }
}
