package io.mlsysim.charts;

import java.awt.Font;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** Axes for a quantity: logarithmic where its values span decades, labelled with the unit. */
final class Axes {
  /** Values whose largest is at least this many times their smallest are drawn on a log axis. */
  static final double DECADES_FOR_LOG = 100;

  private Axes() {}

  /** "duration (s)" for column duration_s with unit s: the unit suffix of the name is not repeated. */
  static String label(String name, String unit) {
    String base = name;
    if (unit != null && !unit.isBlank()) {
      String suffix = "_" + unit.toLowerCase(java.util.Locale.ROOT).replace("/", "_per_");
      if (base.toLowerCase(java.util.Locale.ROOT).endsWith(suffix) && base.length() > suffix.length()) {
        base = base.substring(0, base.length() - suffix.length());
      }
      return base.replace('_', ' ') + " (" + unit + ")";
    }
    return base.replace('_', ' ');
  }

  /** True when every value is positive and they span at least two decades. */
  static boolean spansDecades(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v <= 0) {
        return false;
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo < hi && hi / lo >= DECADES_FOR_LOG;
  }

  static ValueAxis axis(String label, double[] values) {
    return spansDecades(values) ? log(label) : linear(label);
  }

  static LogAxis log(String label) {
    LogAxis a = new LogAxis(label);
    // Ticks at powers of ten, written as plain numbers (not superscripts, which SVG would split).
    a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
    a.setNumberFormatOverride(new TickFormat());
    a.setSmallestValue(1e-300);
    style(a);
    return a;
  }

  static NumberAxis linear(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setNumberFormatOverride(new TickFormat());
    a.setAutoRangeIncludesZero(false);
    style(a);
    return a;
  }

  static void style(ValueAxis a) {
    a.setLabelPaint(Palette.INK);
    a.setTickLabelPaint(Palette.INK);
    a.setAxisLinePaint(Palette.INK);
    a.setTickMarkPaint(Palette.INK);
    a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
  }
}
