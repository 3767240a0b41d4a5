package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  final SearchSpace space = new SearchSpace(List.of(
      Dimension.categorical("hardware", InputKind.HARDWARE, "H100", "A100", "B200"),
      Dimension.integers("tp", 1, 2, 4, 8),
      Dimension.continuous("efficiency", 0.3, 0.6, 4)));

  @Test
  void decodeIsMixedRadixAndInvertible() {
    assertEquals(48, space.size());
    Candidate c = space.newCandidate();
    Set<String> seen = new HashSet<>();
    for (long i = 0; i < space.size(); i++) {
      space.decode(i, c);
      assertEquals(i, space.encode(c));
      seen.add(c.ordinal[0] + "/" + c.value[1] + "/" + c.value[2]);
    }
    assertEquals(48, seen.size());
    space.decode(47, c);
    assertEquals(2, c.ordinal[0]);
    assertEquals(8, c.value[1]);
    assertEquals(0.6, c.value[2], 1e-12);
  }

  @Test
  void idsAreStableAndDistinctAndIgnoreDimensionOrder() {
    SearchSpace reordered = new SearchSpace(List.of(
        Dimension.continuous("efficiency", 0.3, 0.6, 4),
        Dimension.integers("tp", 8, 4, 2, 1),
        Dimension.categorical("hardware", InputKind.HARDWARE, "B200", "A100", "H100")));
    Candidate a = space.newCandidate();
    Candidate b = reordered.newCandidate();
    Set<Long> ids = new HashSet<>();
    for (long i = 0; i < space.size(); i++) {
      space.decode(i, a);
      ids.add(CandidateIds.of(space, a));
    }
    assertEquals(48, ids.size());
    Set<Long> other = new HashSet<>();
    for (long i = 0; i < reordered.size(); i++) {
      reordered.decode(i, b);
      other.add(CandidateIds.of(reordered, b));
    }
    assertEquals(ids, other);
  }

  @Test
  void randomIsSeededAndPartitionIndependent() {
    Strategy s1 = Strategy.random(space, 1000, 42);
    Strategy s2 = Strategy.random(space, 1000, 42);
    Strategy s3 = Strategy.random(space, 1000, 43);
    Candidate a = space.newCandidate();
    Candidate b = space.newCandidate();
    int differ = 0;
    for (long i = 999; i >= 0; i--) { // any order
      s1.fill(i, a);
      s2.fill(i, b);
      assertEquals(CandidateIds.of(space, a), CandidateIds.of(space, b));
      assertTrue(a.value[2] >= 0.3 && a.value[2] <= 0.6);
      s3.fill(i, b);
      differ += CandidateIds.of(space, a) != CandidateIds.of(space, b) ? 1 : 0;
    }
    assertTrue(differ > 900);
  }

  @Test
  void latinHypercubeHitsEveryStratumOnce() {
    int n = 1000;
    Strategy lhs = Strategy.latinHypercube(space, n, 5);
    Candidate c = space.newCandidate();
    boolean[] strata = new boolean[n];
    int[] hw = new int[3];
    for (long i = 0; i < n; i++) {
      lhs.fill(i, c);
      int s = (int) Math.floor((c.value[2] - 0.3) / 0.3 * n);
      assertTrue(!strata[s], "stratum " + s + " twice");
      strata[s] = true;
      hw[c.ordinal[0]]++;
    }
    // a discrete dimension gets its values in proportion: 1000/3 each, ±1
    for (int k : hw) {
      assertTrue(Math.abs(k - n / 3.0) <= 1, "hardware counts " + java.util.Arrays.toString(hw));
    }
    assertNotEquals(-1, c.ordinal[0]);
  }

  @Test
  void anOverflowingGridIsRefused() {
    long[] many = new long[1 << 16];
    for (int i = 0; i < many.length; i++) {
      many[i] = i;
    }
    var dims = new java.util.ArrayList<Dimension>();
    for (int i = 0; i < 5; i++) {
      dims.add(Dimension.integers("d" + i, many));
    }
    assertThrows(StudySpecException.class, () -> new SearchSpace(dims));
  }
}
