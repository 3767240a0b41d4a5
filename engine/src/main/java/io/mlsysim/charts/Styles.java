package io.mlsysim.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/** The look shared by every chart: white ground, grey ink, light grid, legend below. */
final class Styles {
  private static final Color GRID = new Color(0xE4E4E4);

  static {
    // JFreeChart draws rotated text (the y axis's name) as glyph outlines by default, an old JDK
    // workaround; as a string it stays text in SVG, where readers and tests can find the name.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private Styles() {}

  static JFreeChart finish(String title, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlinePaint(Palette.INK);
    JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), Palette.INK,
        TextTitle.DEFAULT_POSITION, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
        TextTitle.DEFAULT_PADDING));
    chart.setBackgroundPaint(Color.WHITE);
    // Room on the right for the last tick label of a log axis, which sits on the plot's edge.
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(6, 8, 6, 28));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    legend.setItemPaint(Palette.INK);
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    legend.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
