package io.mlsysim.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a study's rows into colour groups by a column: one group per value when there are few
 * (zoo names, precisions, small integer ranges), value bins when a number takes many values.
 * There are never more groups than {@link Palette#CATEGORIES} has colours.
 */
final class ColourGroups {
  static final int BINS = 5;
  static final int MAX_GROUPS = Palette.CATEGORIES.size();

  /** Group names in legend order, and each row's group (-1: row not drawn). */
  record Groups(List<String> names, int[] ofRow) {}

  private ColourGroups() {}

  static Groups none(int rows, String name) {
    return new Groups(List.of(name), new int[rows]);
  }

  static Groups of(CandidateTable.Column c) {
    int rows = c.size();
    Map<String, Double> distinct = new LinkedHashMap<>();
    for (int i = 0; i < rows; i++) {
      distinct.putIfAbsent(c.text(i), c.numeric() ? c.numbers()[i] : 0.0);
    }
    if (!c.numeric() || distinct.size() <= MAX_GROUPS) {
      return byValue(c, distinct);
    }
    return byBin(c);
  }

  private static Groups byValue(CandidateTable.Column c, Map<String, Double> distinct) {
    List<String> values = new ArrayList<>(distinct.keySet());
    if (c.numeric()) {
      values.sort((a, b) -> Double.compare(distinct.get(a), distinct.get(b)));
    } else {
      values.sort(null);
    }
    boolean other = values.size() > MAX_GROUPS;
    List<String> kept = other ? values.subList(0, MAX_GROUPS - 1) : values;
    Map<String, Integer> index = new TreeMap<>();
    List<String> names = new ArrayList<>();
    for (String v : kept) {
      index.put(v, names.size());
      names.add(c.name() + " = " + v + (c.unit().isEmpty() ? "" : " " + c.unit()));
    }
    if (other) {
      names.add(c.name() + ": " + (values.size() - kept.size()) + " other values");
    }
    int[] of = new int[c.size()];
    for (int i = 0; i < of.length; i++) {
      Integer g = index.get(c.text(i));
      of[i] = g != null ? g : names.size() - 1;
    }
    return new Groups(names, of);
  }

  /** Equal-width bins, on a log scale when the values span decades. */
  private static Groups byBin(CandidateTable.Column c) {
    double[] v = c.numbers();
    boolean log = Axes.spansDecades(v);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        double t = log ? Math.log10(x) : x;
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    double width = (hi - lo) / BINS;
    List<String> names = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      double a = lo + b * width;
      double z = lo + (b + 1) * width;
      names.add(c.name() + " " + fmt(log ? Math.pow(10, a) : a) + "–" + fmt(log ? Math.pow(10, z) : z)
          + (c.unit().isEmpty() ? "" : " " + c.unit()));
    }
    int[] of = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        of[i] = -1;
      } else {
        double t = log ? Math.log10(v[i]) : v[i];
        of[i] = width == 0 ? 0 : Math.min(BINS - 1, (int) ((t - lo) / width));
      }
    }
    return new Groups(names, of);
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }
}
