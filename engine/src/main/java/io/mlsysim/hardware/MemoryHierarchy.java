package io.mlsysim.hardware;

/**
 * Main memory plus optional on-chip SRAM and flash tiers. Absent tiers are NaN; sizes in bytes,
 * bandwidths in B/s.
 */
public record MemoryHierarchy(
    double capacity,
    double bandwidth,
    double sramCapacity,
    double sramBandwidth,
    double flashCapacity,
    double flashBandwidth,
    double l2Cache) {

  public MemoryHierarchy(double capacity, double bandwidth) {
    this(capacity, bandwidth, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  public boolean hasSram() {
    return !Double.isNaN(sramCapacity) && !Double.isNaN(sramBandwidth);
  }

  public boolean hasFlash() {
    return !Double.isNaN(flashCapacity) && !Double.isNaN(flashBandwidth);
  }
}
