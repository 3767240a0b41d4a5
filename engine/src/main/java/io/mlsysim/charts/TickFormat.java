package io.mlsysim.charts;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels that read like numbers: 0.01, 1, 250, 1,000, then 1E5 and 1E-4 beyond. */
final class TickFormat extends NumberFormat {
  private static final long serialVersionUID = 1L;
  private final DecimalFormat plain = new DecimalFormat("#,##0.###");
  private final DecimalFormat scientific = new DecimalFormat("0.##E0");

  @Override
  public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
    double a = Math.abs(v);
    return (a != 0 && (a < 1e-3 || a >= 1e5) ? scientific : plain).format(v, to, pos);
  }

  @Override
  public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
    return format((double) v, to, pos);
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    return plain.parse(source, pos);
  }
}
