package io.mlsysim.workloads;

import java.util.Locale;

/** The shape of a workload, which decides what its fields mean and which formulas apply. */
public enum WorkloadFamily {
  GENERIC, TRANSFORMER, MIXTURE_OF_EXPERTS, CNN, SSM, DIFFUSION;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
