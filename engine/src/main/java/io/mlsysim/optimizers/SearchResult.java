package io.mlsysim.optimizers;

import io.mlsysim.core.OptimizerResult;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleFunction;

/**
 * The result every built-in optimizer returns: the winner, its objective, how many candidates
 * were considered (screened-out ones included), the ranked list of feasible candidates and the
 * reasons the others were dropped. The trace is built from these only when asked.
 */
public final class SearchResult implements OptimizerResult {

  /** One scored candidate: its configuration, its objective (canonical SI) and other model outputs. */
  public record Candidate(Map<String, Object> config, double objective, Map<String, Object> metrics) {
    @Override
    public String toString() {
      return config + " → " + objective;
    }
  }

  /** The ranked feasible candidates (best first), as one output port. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Port<List<Candidate>> RANKED =
      Port.object("ranked", (Class<List<Candidate>>) (Class) List.class)
          .describedAs("feasible candidates, best first (top k, or all for placement)");
  public static final Port<Integer> FEASIBLE_COUNT = Port.count("feasible_count")
      .describedAs("candidates that met every constraint");
  public static final Port<Integer> SCREENED_COUNT = Port.count("screened_count")
      .describedAs("candidates dropped by a screen or constraint");

  private final String objectiveName;
  private final DoubleFunction<String> format;
  private final List<Candidate> ranked;
  private final long totalSearched;
  private final int feasible;
  private final Map<String, Integer> dropped;
  private final String binding;
  private final BiConsumer<SearchResult, Outputs> extra;

  SearchResult(String objectiveName, DoubleFunction<String> format, List<Candidate> ranked, long totalSearched,
      int feasible, Map<String, Integer> dropped, String binding, BiConsumer<SearchResult, Outputs> extra) {
    this.objectiveName = objectiveName;
    this.format = format;
    this.ranked = List.copyOf(ranked);
    this.totalSearched = totalSearched;
    this.feasible = feasible;
    this.dropped = new LinkedHashMap<>(dropped);
    this.binding = binding;
    this.extra = extra;
  }

  public Candidate best() {
    return ranked.get(0);
  }

  public List<Candidate> ranked() {
    return ranked;
  }

  public int feasibleCount() {
    return feasible;
  }

  /** Reason → how many candidates it removed, in the order the screens run. */
  public Map<String, Integer> dropped() {
    return Map.copyOf(dropped);
  }

  public int screenedCount() {
    int n = 0;
    for (int v : dropped.values()) {
      n += v;
    }
    return n;
  }

  @Override
  public double objectiveValue() {
    return best().objective();
  }

  @Override
  public Map<String, Object> bestConfig() {
    return best().config();
  }

  @Override
  public long totalSearched() {
    return totalSearched;
  }

  @Override
  public void export(Outputs out) {
    out.put(RANKED, ranked);
    out.putInt(FEASIBLE_COUNT, feasible);
    out.putInt(SCREENED_COUNT, screenedCount());
    extra.accept(this, out);
  }

  @Override
  public List<String> trace() {
    List<String> t = new ArrayList<>();
    t.add(totalSearched + " candidates considered: " + feasible + " feasible, " + screenedCount() + " dropped");
    dropped.forEach((why, n) -> {
      if (n > 0) {
        t.add("  " + n + " dropped: " + why);
      }
    });
    Candidate best = best();
    t.add("winner " + best.config() + " with " + objectiveName + " " + format.apply(best.objective()));
    if (ranked.size() > 1) {
      Candidate second = ranked.get(1);
      t.add("runner-up " + second.config() + " with " + format.apply(second.objective()) + " (margin "
          + format.apply(Math.abs(best.objective() - second.objective())) + ")");
    } else {
      t.add("no runner-up: the winner is the only feasible candidate");
    }
    if (binding != null) {
      t.add("binding constraint: " + binding);
    }
    return t;
  }

  @Override
  public String toString() {
    return "SearchResult[best=" + best() + ", searched=" + totalSearched + "]";
  }
}
