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

  /** A builder for hand-made devices (tests, what-if studies): unset figures are unknown. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link HardwareNode}; only compute and memory are required. */
  public static final class Builder {
    private final String name;
    private HardwareTier tier = HardwareTier.CLOUD;
    private int releaseYear;
    private ComputeCore compute;
    private MemoryHierarchy memory;
    private StorageSpec storage;
    private Link interconnect;
    private Link nvlink;
    private double tdp = Double.NaN;
    private double unitCost = Double.NaN;
    private double embodiedCarbonKg = Double.NaN;
    private double dispatchTax = io.mlsysim.calibration.Calibration.DEFAULT_DISPATCH_TAX;

    private Builder(String name) {
      this.name = name;
    }

    public Builder tier(HardwareTier t) {
      tier = t;
      return this;
    }

    public Builder releaseYear(int year) {
      releaseYear = year;
      return this;
    }

    public Builder compute(ComputeCore c) {
      compute = c;
      return this;
    }

    public Builder memory(MemoryHierarchy m) {
      memory = m;
      return this;
    }

    public Builder storage(StorageSpec s) {
      storage = s;
      return this;
    }

    public Builder interconnect(Link l) {
      interconnect = l;
      return this;
    }

    public Builder nvlink(Link l) {
      nvlink = l;
      return this;
    }

    /** Watts. */
    public Builder tdp(double watts) {
      tdp = watts;
      return this;
    }

    /** USD. */
    public Builder unitCost(double usd) {
      unitCost = usd;
      return this;
    }

    /** kg CO₂e per device. */
    public Builder embodiedCarbonKg(double kg) {
      embodiedCarbonKg = kg;
      return this;
    }

    /** Seconds per evaluation. */
    public Builder dispatchTax(double seconds) {
      dispatchTax = seconds;
      return this;
    }

    public HardwareNode build() {
      if (compute == null || memory == null) {
        throw new IllegalArgumentException(name + ": a device needs compute and memory");
      }
      return new HardwareNode(name, tier, releaseYear, compute, memory, storage, interconnect, nvlink, tdp,
          Double.NaN, Double.NaN, Double.NaN, unitCost, Double.NaN, 1, embodiedCarbonKg, dispatchTax,
          io.mlsysim.provenance.Provenance.convention("hardware/" + name, "built in code"));
    }
  }
}
