package io.mlsysim.optimizers;

import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Outputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleFunction;

/** Collects the outcome of one search: feasible candidates and the reasons others were dropped. */
final class Ranking {
  private final boolean maximize;
  private final List<SearchResult.Candidate> feasible = new ArrayList<>();
  private final Map<String, Integer> dropped = new LinkedHashMap<>();
  private long considered;

  Ranking(boolean maximize, String... reasons) {
    this.maximize = maximize;
    for (String r : reasons) {
      dropped.put(r, 0);
    }
  }

  void considered(long n) {
    considered += n;
  }

  void drop(String reason) {
    dropped.merge(reason, 1, Integer::sum);
  }

  void accept(Map<String, Object> config, double objective, Map<String, Object> metrics) {
    feasible.add(new SearchResult.Candidate(config, objective, metrics));
  }

  /**
   * Ranks the feasible candidates (stable: among equal objectives the one considered first
   * wins) and keeps {@code topK} of them (all when topK ≤ 0).
   */
  SearchResult result(String objectiveName, DoubleFunction<String> format, int topK, String binding,
      BiConsumer<SearchResult, Outputs> extra, String inputName, String nothingFeasible) {
    if (feasible.isEmpty()) {
      throw new InvalidInputException(inputName, "input '" + inputName + "': " + nothingFeasible + " (" + considered + " candidates considered: "
          + dropped + ")");
    }
    Comparator<SearchResult.Candidate> c = Comparator.comparingDouble(SearchResult.Candidate::objective);
    List<SearchResult.Candidate> sorted = new ArrayList<>(feasible);
    sorted.sort(maximize ? c.reversed() : c);
    List<SearchResult.Candidate> kept = topK > 0 && sorted.size() > topK ? sorted.subList(0, topK) : sorted;
    return new SearchResult(objectiveName, format, kept, considered, feasible.size(), dropped, binding, extra);
  }
}
