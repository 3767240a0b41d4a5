package io.mlsysim.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One drawn chart and the names of its plotted series, in legend order. The names let callers
 * (and tests) say what a picture should show without reading it back.
 */
public record Chart(JFreeChart chart, List<String> series) {
  public Chart {
    series = List.copyOf(series);
  }

  public int seriesCount() {
    return series.size();
  }
}
