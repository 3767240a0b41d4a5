package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoTest {

  /** The definition, O(n²): a point is on the frontier iff no other point dominates it. */
  static List<Integer> bruteForce(List<double[]> pts) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < pts.size() && !dominated; j++) {
        dominated = j != i && Pareto.dominates(pts.get(j), pts.get(i));
      }
      if (!dominated) {
        out.add(i);
      }
    }
    return out;
  }

  static List<double[]> random(SplittableRandom r, int n, int dims, int levels) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] p = new double[dims];
      for (int d = 0; d < dims; d++) {
        p[d] = levels > 0 ? r.nextInt(levels) : r.nextDouble(); // coarse levels force ties and duplicates
      }
      pts.add(p);
    }
    return pts;
  }

  @Test
  void skylineEqualsBruteForceOnRandomData() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = r.nextInt(1, 400);
      int dims = r.nextInt(1, 5);
      List<double[]> pts = random(r, n, dims, trial % 2 == 0 ? 6 : 0);
      assertEquals(bruteForce(pts), Pareto.skyline(pts), "trial " + trial);
    }
  }

  @Test
  void localSkylinesMergedEqualTheGlobalOne() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 100; trial++) {
      List<double[]> pts = random(r, r.nextInt(1, 500), 3, trial % 2 == 0 ? 8 : 0);
      int parts = r.nextInt(1, 7);
      List<double[]> merged = new ArrayList<>();
      List<Integer> mergedIdx = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        List<double[]> local = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = p; i < pts.size(); i += parts) {
          local.add(pts.get(i));
          idx.add(i);
        }
        for (int k : Pareto.skyline(local)) {
          merged.add(local.get(k));
          mergedIdx.add(idx.get(k));
        }
      }
      List<Integer> global = new ArrayList<>();
      for (int k : Pareto.skyline(merged)) {
        global.add(mergedIdx.get(k));
      }
      global.sort(null);
      assertEquals(bruteForce(pts), global);
    }
  }

  @Test
  void ranksPeelLayers() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 100; trial++) {
      List<double[]> pts = random(r, r.nextInt(1, 200), 2, 10);
      int[] rank = Pareto.ranks(pts, 3);
      for (int i = 0; i < pts.size(); i++) {
        // rank = 1 + the highest rank among the points that dominate it (capped at 4)
        int expect = 1;
        for (int j = 0; j < pts.size(); j++) {
          if (Pareto.dominates(pts.get(j), pts.get(i))) {
            expect = Math.max(expect, rank[j] + 1);
          }
        }
        assertEquals(Math.min(expect, 4), rank[i]);
        assertTrue(rank[i] >= 1);
      }
    }
  }

  @Test
  void streamingLayersEqualPeeledRanks() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      List<double[]> pts = random(r, r.nextInt(1, 300), r.nextInt(1, 4), trial % 2 == 0 ? 7 : 0);
      int k = r.nextInt(1, 4);
      int[] expected = Pareto.ranks(pts, k);
      ParetoLayers<Integer> layers = new ParetoLayers<>(k);
      for (int i = 0; i < pts.size(); i++) {
        layers.add(pts.get(i), i);
      }
      int[] got = new int[pts.size()];
      java.util.Arrays.fill(got, k + 1);
      for (int l = 0; l < k; l++) {
        for (int i : layers.payloads(l)) {
          got[i] = l + 1;
        }
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, got, "trial " + trial);
    }
  }
}
