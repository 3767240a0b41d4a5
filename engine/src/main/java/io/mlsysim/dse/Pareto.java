package io.mlsysim.dse;

import java.util.ArrayList;
import java.util.List;

/**
 * Pareto dominance over objective vectors that are all to be minimised (negate a maximised
 * objective before calling). Point a dominates b when it is no worse in every objective and
 * better in one; equal points do not dominate each other, so both stay on a frontier. NaN
 * objectives never dominate and are dominated by nothing; callers filter such rows out first.
 */
public final class Pareto {
  private Pareto() {}

  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      if (a[i] < b[i]) {
        better = true;
      }
    }
    return better;
  }

  /** Indices of the non-dominated points (block-nested-loop skyline), in input order. */
  public static List<Integer> skyline(List<double[]> points) {
    List<Integer> window = new ArrayList<>();
    outer:
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      for (int w = 0; w < window.size(); w++) {
        double[] q = points.get(window.get(w));
        if (dominates(q, p)) {
          continue outer;
        }
        if (dominates(p, q)) {
          window.remove(w--);
        }
      }
      window.add(i);
    }
    window.sort(null);
    return window;
  }

  /**
   * Non-dominated rank of every point (1 = on the frontier, 2 = on the frontier once rank 1 is
   * removed, …), computed up to {@code maxRank}; deeper points get {@code maxRank + 1}.
   */
  public static int[] ranks(List<double[]> points, int maxRank) {
    int[] rank = new int[points.size()];
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      remaining.add(i);
    }
    for (int r = 1; r <= maxRank && !remaining.isEmpty(); r++) {
      List<double[]> sub = new ArrayList<>(remaining.size());
      for (int i : remaining) {
        sub.add(points.get(i));
      }
      List<Integer> front = skyline(sub);
      List<Integer> next = new ArrayList<>();
      int f = 0;
      for (int k = 0; k < remaining.size(); k++) {
        if (f < front.size() && front.get(f) == k) {
          rank[remaining.get(k)] = r;
          f++;
        } else {
          next.add(remaining.get(k));
        }
      }
      remaining = next;
    }
    for (int i : remaining) {
      rank[i] = maxRank + 1;
    }
    return rank;
  }
}
