package io.mlsysim.hardware;

/**
 * A host interconnect (PCIe) or device-to-device link (NVLink).
 *
 * @param bandwidth the quoted figure in B/s, as the datasheet states it
 * @param latency per-message latency in s (NaN when unknown)
 */
public record Link(String name, double bandwidth, double latency, LinkDirection direction) {

  /** The rate one transfer sees: a bidirectional total is halved. */
  public double perDirectionBandwidth() {
    return direction == LinkDirection.BIDIRECTIONAL_TOTAL ? bandwidth / 2 : bandwidth;
  }
}
