package io.mlsysim.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep: one or more quantities against one input (TTFT and ITL against batch size), each a
 * line with markers at the evaluated points; log axes where the values span decades.
 */
public final class LineChart {
  private LineChart() {}

  /**
   * @param x the swept input's values
   * @param lines each line's values at those inputs, by legend name (insertion order kept)
   */
  public static Chart of(String title, String xName, String xUnit, double[] x, String yName, String yUnit,
      Map<String, double[]> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    List<String> names = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, double[]> line : lines.entrySet()) {
      if (line.getValue().length != x.length) {
        throw new IllegalArgumentException("line '" + line.getKey() + "' has " + line.getValue().length
            + " values for " + x.length + " inputs");
      }
      XYSeries s = new XYSeries(line.getKey(), false, true);
      for (int k = 0; k < x.length; k++) {
        s.add(x[k], line.getValue()[k]);
        all.add(line.getValue()[k]);
      }
      data.addSeries(s);
      renderer.setSeriesPaint(i, Palette.category(i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
      names.add(line.getKey());
      i++;
    }
    ValueAxis xAxis = Axes.axis(Axes.label(xName, xUnit), x);
    ValueAxis yAxis = Axes.axis(Axes.label(yName, yUnit), all.stream().mapToDouble(Double::doubleValue).toArray());
    return new Chart(Styles.finish(title, new XYPlot(data, xAxis, yAxis, renderer)), names);
  }
}
