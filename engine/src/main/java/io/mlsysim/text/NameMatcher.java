package io.mlsysim.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Did-you-mean: the known names closest to a misspelt one. */
public final class NameMatcher {
  private NameMatcher() {}

  /**
   * Up to three names within a small edit distance (a differing first character counts double),
   * or sharing a prefix, closest first.
   */
  public static List<String> suggest(String requested, Collection<String> known) {
    String r = normalize(requested);
    record Scored(String name, int score, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String k : known) {
      String n = normalize(k);
      // A slip in the first character is rarer than one later on (people anchor on how a name
      // starts), so it costs one extra edit: "H10" suggests H100 and H200 but not A100 or V100.
      int d = distance(r, n) + (!r.isEmpty() && !n.isEmpty() && r.charAt(0) != n.charAt(0) ? 1 : 0);
      boolean prefix = !r.isEmpty() && (n.startsWith(r) || r.startsWith(n));
      int limit = Math.max(2, r.length() / 3);
      if (d <= limit || prefix) {
        scored.add(new Scored(k, prefix ? Math.min(d, 1) : d, d));
      }
    }
    // Among prefix matches the shortest completion comes first: "latency" → latency_s.
    scored.sort(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::distance).thenComparing(Scored::name));
    List<String> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() == 3) {
        break;
      }
      out.add(s.name());
    }
    return out;
  }

  static String normalize(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replace("-", "_");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
