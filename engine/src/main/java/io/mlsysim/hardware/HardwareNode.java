package io.mlsysim.hardware;

import io.mlsysim.provenance.Provenance;

/**
 * One accelerator (or a system sold as one, such as GB200 NVL72), in canonical SI units:
 * FLOP/s, bytes, B/s, W, USD, kg, s. Optional figures are NaN.
 *
 * @param acceleratorCount devices inside this entry (72 for an NVL72 rack), 1 for a chip
 * @param dispatchTax fixed software cost per evaluation in s (default 0.01 ms)
 */
public record HardwareNode(
    String name,
    HardwareTier tier,
    int releaseYear,
    ComputeCore compute,
    MemoryHierarchy memory,
    StorageSpec storage,
    Link interconnect,
    Link nvlink,
    double tdp,
    double tdpMin,
    double tdpMax,
    double batteryCapacity,
    double unitCost,
    double unitCostMax,
    int acceleratorCount,
    double embodiedCarbonKg,
    double dispatchTax,
    Provenance source) {

  /** FLOP per byte at which this device turns from memory-bound to compute-bound. */
  public double ridgePoint(Precision precision) {
    return compute.flops(precision) / memory.bandwidth();
  }

  public boolean hasTdp() {
    return !Double.isNaN(tdp);
  }

  public boolean hasUnitCost() {
    return !Double.isNaN(unitCost);
  }

  /** A copy drawing another power, for what-if questions ("H100 capped at 500 W"). */
  public HardwareNode withTdp(double watts) {
    return new HardwareNode(name, tier, releaseYear, compute, memory, storage, interconnect, nvlink,
        watts, tdpMin, tdpMax, batteryCapacity, unitCost, unitCostMax, acceleratorCount,
        embodiedCarbonKg, dispatchTax, source);
  }
}
