package io.mlsysim.workloads;

import io.mlsysim.provenance.Provenance;

/** A convolutional network; inference FLOP are per input image. */
public final class CnnWorkload extends Workload {
  public CnnWorkload(String name, WorkloadTier tier, double parameters, double inferenceFlops,
      int layers, Provenance source) {
    super(name, tier, parameters, inferenceFlops, Double.NaN, layers, source);
  }

  @Override
  public WorkloadFamily family() {
    return WorkloadFamily.CNN;
  }
}
