package io.mlsysim.systems;

import io.mlsysim.provenance.Provenance;

/** A rack of nodes with its power budget split into accelerators and everything else (W). */
public record Rack(String name, Node node, int nodeCount, double acceleratorPower, double otherPower,
    Provenance source) {

  public int accelerators() {
    return node.acceleratorsPerNode() * nodeCount;
  }

  public double totalPower() {
    return acceleratorPower + otherPower;
  }
}
