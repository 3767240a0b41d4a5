package io.mlsysim.infrastructure;

import io.mlsysim.provenance.Provenance;

/** A site: a grid plus a cooling technology; its PUE and WUE come from the cooling. */
public record Datacenter(String name, GridProfile grid, CoolingProfile cooling, Provenance source) {

  public double pue() {
    return cooling.pue();
  }

  public double wue() {
    return cooling.wue();
  }
}
