package io.mlsysim.dse;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code k} non-dominated layers of a stream of points, kept incrementally in memory
 * proportional to those layers only: a new point sinks to the first layer where nothing
 * dominates it, and pushes the points it dominates one layer down; points below layer k are
 * dropped (adding points never lifts a point's rank, so they can never come back).
 *
 * @param <T> the payload carried with each point (a row)
 */
public final class ParetoLayers<T> {
  private final int k;
  private final List<List<double[]>> points = new ArrayList<>();
  private final List<List<T>> payloads = new ArrayList<>();

  public ParetoLayers(int k) {
    this.k = k;
    for (int i = 0; i < k; i++) {
      points.add(new ArrayList<>());
      payloads.add(new ArrayList<>());
    }
  }

  /** Offers a point (all objectives minimised, no NaN). */
  public void add(double[] p, T payload) {
    insert(p, payload, 0);
  }

  private void insert(double[] p, T payload, int layer) {
    while (layer < k) {
      List<double[]> pts = points.get(layer);
      boolean dominated = false;
      for (int i = 0; i < pts.size(); i++) {
        if (Pareto.dominates(pts.get(i), p)) {
          dominated = true;
          if (i > 0) { // move the dominator forward: the next point is likely dominated by it too
            java.util.Collections.swap(pts, i, i - 1);
            java.util.Collections.swap(payloads.get(layer), i, i - 1);
          }
          break;
        }
      }
      if (!dominated) {
        List<T> pay = payloads.get(layer);
        List<double[]> demoted = null;
        List<T> demotedPay = null;
        for (int i = pts.size() - 1; i >= 0; i--) {
          if (Pareto.dominates(p, pts.get(i))) {
            if (demoted == null) {
              demoted = new ArrayList<>();
              demotedPay = new ArrayList<>();
            }
            demoted.add(pts.get(i));
            demotedPay.add(pay.get(i));
            int last = pts.size() - 1;
            pts.set(i, pts.get(last));
            pts.remove(last);
            pay.set(i, pay.get(last));
            pay.remove(last);
          }
        }
        pts.add(p);
        pay.add(payload);
        if (demoted != null) {
          for (int i = 0; i < demoted.size(); i++) {
            insert(demoted.get(i), demotedPay.get(i), layer + 1);
          }
        }
        return;
      }
      layer++;
    }
  }

  /** Points of layer {@code i} (0-based). */
  public List<double[]> points(int i) {
    return points.get(i);
  }

  /** Payloads of layer {@code i} (0-based), parallel to {@link #points}. */
  public List<T> payloads(int i) {
    return payloads.get(i);
  }

  public int layers() {
    return k;
  }
}
