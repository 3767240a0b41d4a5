package io.mlsysim.workloads;

import io.mlsysim.hardware.Precision;
import io.mlsysim.provenance.Provenance;

/** A state-space model (Mamba): its recurrent state does not grow with sequence length. */
public final class SsmWorkload extends Workload {
  private final int hiddenSize;
  private final int stateSize;

  public SsmWorkload(String name, WorkloadTier tier, double parameters, double inferenceFlops,
      int layers, int hiddenSize, int stateSize, Provenance source) {
    super(name, tier, parameters, inferenceFlops, Double.NaN, layers, source);
    this.hiddenSize = hiddenSize;
    this.stateSize = stateSize;
  }

  @Override
  public WorkloadFamily family() {
    return WorkloadFamily.SSM;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  public int stateSize() {
    return stateSize;
  }

  /** Bytes of recurrent state for a batch: L · B · h · N · b. */
  public double stateCacheBytes(int batch, Precision precision) {
    return (double) layers() * batch * hiddenSize * stateSize * precision.bytes();
  }

  @Override
  protected void addFields(java.util.Map<String, Object> m) {
    m.put("hidden_size", hiddenSize);
    m.put("state_size", stateSize);
  }
}
