package io.mlsysim.workloads;

import java.util.Locale;

/** How the zoo groups workloads for listing. */
public enum WorkloadTier {
  LANGUAGE, VISION, TINY, RECOMMENDATION, GENERATIVE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
