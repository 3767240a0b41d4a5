package io.mlsysim.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Numbers in a column that ranks candidates: as few significant digits as tell different values
 * apart (three at least). Fixed decimals print 0.13 for both 0.1349 and 0.1301, which hides the
 * ranking the column exists to show.
 */
final class DistinctDigits {
  static final int MIN = 3;
  private static final int MAX = 15;

  private DistinctDigits() {}

  static List<String> format(List<Double> values) {
    int distinct = new HashSet<>(values).size();
    for (int digits = MIN; digits < MAX; digits++) {
      List<String> shown = format(values, digits);
      if (new HashSet<>(shown).size() == distinct) {
        return shown;
      }
    }
    return format(values, MAX);
  }

  private static List<String> format(List<Double> values, int digits) {
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(one(v, digits));
    }
    return out;
  }

  /** {@code v} to {@code digits} significant digits: plain between 1e-4 and 1e9, else scientific. */
  static String one(double v, int digits) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs < 1e-4 || abs >= 1e9) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }
    BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
    int scale = digits - b.precision() + b.scale(); // keep trailing zeros: 0.160 and 12.0 show three digits
    return (scale > b.scale() ? b.setScale(scale) : b).toPlainString();
  }
}
