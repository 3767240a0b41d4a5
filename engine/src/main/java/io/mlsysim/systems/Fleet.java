package io.mlsysim.systems;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.provenance.Provenance;

/** A cluster: identical nodes on one fabric. The reference calls these "clusters" or "fleets". */
public record Fleet(String name, Node node, int nodeCount, Fabric fabric, Provenance source) {

  public int totalAccelerators() {
    return node.acceleratorsPerNode() * nodeCount;
  }

  public HardwareNode accelerator() {
    return node.accelerator();
  }

  public int acceleratorsPerNode() {
    return node.acceleratorsPerNode();
  }
}
