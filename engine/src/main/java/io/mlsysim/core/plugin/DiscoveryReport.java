package io.mlsysim.core.plugin;

import java.util.List;

/** The outcome of discovery: what was found and what was skipped, with reasons. */
public record DiscoveryReport(List<ResolverInfo> found, List<DiscoveryProblem> problems) {
  public DiscoveryReport {
    found = List.copyOf(found);
    problems = List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(found.size()).append(" resolver(s) found");
    for (ResolverInfo r : found) {
      s.append("\n  ").append(r.name()).append(" [").append(r.schema().tier().id()).append(", ")
          .append(r.origin().name().toLowerCase(java.util.Locale.ROOT)).append(" ").append(r.source()).append(']');
    }
    if (!problems.isEmpty()) {
      s.append("\n").append(problems.size()).append(" problem(s)");
      for (DiscoveryProblem p : problems) {
        s.append("\n  ").append(p);
      }
    }
    return s.toString();
  }
}
