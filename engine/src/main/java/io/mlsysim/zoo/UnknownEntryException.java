package io.mlsysim.zoo;

import java.util.List;

/** A name that is not in the zoo; the message offers the nearest names. */
public class UnknownEntryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String requested;
  private final List<String> suggestions;

  public UnknownEntryException(String kind, String requested, List<String> suggestions) {
    super("Unknown " + kind + " '" + requested + "'."
        + (suggestions.isEmpty() ? " Run '" + ("mlsysim zoo " + listing(kind)).trim() + "' to list them."
            : " Did you mean: " + String.join(", ", suggestions) + "?"));
    this.kind = kind;
    this.requested = requested;
    this.suggestions = List.copyOf(suggestions);
  }

  private static String listing(String kind) {
    return switch (kind) {
      case "hardware" -> "hardware";
      case "workload" -> "workloads";
      case "fleet", "node", "fabric" -> "systems";
      case "grid" -> "grids";
      case "scenario" -> "scenarios";
      case "resolver" -> "resolvers";
      default -> "";
    };
  }

  public String kind() {
    return kind;
  }

  public String requested() {
    return requested;
  }

  public List<String> suggestions() {
    return suggestions;
  }
}
