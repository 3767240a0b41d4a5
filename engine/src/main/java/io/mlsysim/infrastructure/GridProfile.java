package io.mlsysim.infrastructure;

import io.mlsysim.provenance.Provenance;

/**
 * A region's electricity: carbon intensity in kg CO₂e per joule, PUE of its typical
 * datacenter, water use in litres per joule, and its source mix.
 *
 * <p>Stored per joule (canonical); {@link #gramsPerKwh()} and {@link #litresPerKwh()} give the
 * familiar figures.
 */
public record GridProfile(String name, String displayName, double carbonIntensity, double pue,
    double wue, String sourceMix, double renewableFraction, double electricityPrice, Provenance source) {

  private static final double J_PER_KWH = 3.6e6;

  public double gramsPerKwh() {
    return carbonIntensity * 1000 * J_PER_KWH;
  }

  public double litresPerKwh() {
    return wue * J_PER_KWH;
  }

  public boolean hasElectricityPrice() {
    return !Double.isNaN(electricityPrice);
  }
}
