package io.mlsysim.systems;

import io.mlsysim.provenance.Provenance;

/**
 * The inter-node network.
 *
 * @param bandwidth per-port, per-direction rate in B/s
 * @param latency per-message latency in s
 * @param oversubscription ratio of downlink to uplink capacity (1 = full bisection)
 */
public record Fabric(String name, double bandwidth, double latency, Topology topology,
    double oversubscription, Provenance source) {

  /** The rate a flow sees once oversubscription is paid. */
  public double effectiveBandwidth() {
    return bandwidth / oversubscription;
  }
}
