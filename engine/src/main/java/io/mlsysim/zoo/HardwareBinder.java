package io.mlsysim.zoo;

import static io.mlsysim.units.QuantityKind.COMPUTE_RATE;
import static io.mlsysim.units.QuantityKind.DATA_RATE;
import static io.mlsysim.units.QuantityKind.DATA_SIZE;
import static io.mlsysim.units.QuantityKind.ENERGY;
import static io.mlsysim.units.QuantityKind.MASS;
import static io.mlsysim.units.QuantityKind.MONEY;
import static io.mlsysim.units.QuantityKind.POWER;
import static io.mlsysim.units.QuantityKind.TIME;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.HardwareTier;
import io.mlsysim.hardware.Link;
import io.mlsysim.hardware.LinkDirection;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.StorageSpec;
import io.mlsysim.zoo.spec.HardwareSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a hardware spec into a validated {@link HardwareNode}. */
final class HardwareBinder {
  /** Above this a device is not a plausible design: no real memory system is that starved. */
  static final double MAX_RIDGE_POINT = 5000;
  /** A whole NVL72 rack draws 120 kW; above 150 kW an entry is a typo, not a product. */
  static final double MAX_TDP_W = 150_000;

  private HardwareBinder() {}

  static HardwareNode bind(EntryContext c, String tier, HardwareSpec s) {
    HardwareTier t = parseTier(c, tier);
    int year = c.require("release_year", s.releaseYear);
    c.check(year >= 1990 && year <= 2035, "release_year " + year + " is outside 1990–2035");
    HardwareSpec.Compute cs = c.require("compute", s.compute);
    double peak = c.positive("compute.peak_flops", c.required("compute.peak_flops", cs.peakFlops, COMPUTE_RATE));
    Map<String, Double> rates = new LinkedHashMap<>();
    cs.precisionFlops.forEach((k, v) -> rates.put(k.toLowerCase(Locale.ROOT),
        c.positive("compute.precision_flops." + k, c.required("compute.precision_flops." + k, v, COMPUTE_RATE))));
    ComputeCore compute = new ComputeCore(peak, rates, cs.smCount == null ? 0 : cs.smCount);

    HardwareSpec.Memory ms = c.require("memory", s.memory);
    MemoryHierarchy memory = new MemoryHierarchy(
        c.positive("memory.capacity", c.required("memory.capacity", ms.capacity, DATA_SIZE)),
        c.positive("memory.bandwidth", c.required("memory.bandwidth", ms.bandwidth, DATA_RATE)),
        c.positiveIfPresent("memory.sram_capacity", c.optional("memory.sram_capacity", ms.sramCapacity, DATA_SIZE)),
        c.positiveIfPresent("memory.sram_bandwidth", c.optional("memory.sram_bandwidth", ms.sramBandwidth, DATA_RATE)),
        c.positiveIfPresent("memory.flash_capacity", c.optional("memory.flash_capacity", ms.flashCapacity, DATA_SIZE)),
        c.positiveIfPresent("memory.flash_bandwidth", c.optional("memory.flash_bandwidth", ms.flashBandwidth, DATA_RATE)),
        c.positiveIfPresent("memory.l2_cache", c.optional("memory.l2_cache", ms.l2Cache, DATA_SIZE)));
    double ridge = peak / memory.bandwidth();
    c.check(ridge <= MAX_RIDGE_POINT, String.format(Locale.ROOT,
        "ridge point %.0f FLOP/B (peak_flops / memory.bandwidth) is above %.0f: check both figures' units",
        ridge, MAX_RIDGE_POINT));

    StorageSpec storage = s.storage == null ? null : new StorageSpec(
        c.positive("storage.capacity", c.required("storage.capacity", s.storage.capacity, DATA_SIZE)),
        c.positive("storage.bandwidth", c.required("storage.bandwidth", s.storage.bandwidth, DATA_RATE)),
        c.optional("storage.latency", s.storage.latency, TIME));

    double tdp = c.positiveIfPresent("tdp", c.optional("tdp", s.tdp, POWER));
    c.check(Double.isNaN(tdp) || tdp <= MAX_TDP_W, "tdp " + tdp + " W is above 150 kW: check the unit");
    double dispatch = c.optional("dispatch_tax", s.dispatchTax, TIME);
    int accelerators = s.acceleratorCount == null ? 1 : c.positive("accelerator_count", s.acceleratorCount);
    return new HardwareNode(c.name(), t, year, compute, memory, storage,
        link(c, "interconnect", s.interconnect), link(c, "nvlink", s.nvlink),
        tdp,
        c.positiveIfPresent("tdp_min", c.optional("tdp_min", s.tdpMin, POWER)),
        c.positiveIfPresent("tdp_max", c.optional("tdp_max", s.tdpMax, POWER)),
        c.positiveIfPresent("battery_capacity", c.optional("battery_capacity", s.batteryCapacity, ENERGY)),
        c.positiveIfPresent("unit_cost", c.optional("unit_cost", s.unitCost, MONEY)),
        c.positiveIfPresent("unit_cost_max", c.optional("unit_cost_max", s.unitCostMax, MONEY)),
        accelerators,
        c.positiveIfPresent("embodied_carbon", c.optional("embodied_carbon", s.embodiedCarbon, MASS)),
        Double.isNaN(dispatch) ? Calibration.DEFAULT_DISPATCH_TAX : dispatch,
        c.provenance(s.source));
  }

  private static Link link(EntryContext c, String field, HardwareSpec.LinkSpec l) {
    if (l == null) {
      return null;
    }
    LinkDirection d;
    try {
      d = l.direction == null ? LinkDirection.PER_DIRECTION : LinkDirection.parse(field + ".direction", l.direction);
    } catch (IllegalArgumentException e) {
      throw c.error(0, e.getMessage());
    }
    return new Link(l.name == null ? field : l.name,
        c.positive(field + ".bandwidth", c.required(field + ".bandwidth", l.bandwidth, DATA_RATE)),
        c.optional(field + ".latency", l.latency, TIME), d);
  }

  private static HardwareTier parseTier(EntryContext c, String tier) {
    for (HardwareTier t : HardwareTier.values()) {
      if (t.id().equalsIgnoreCase(tier)) {
        return t;
      }
    }
    throw c.error(0, "tier '" + tier + "' is not a hardware tier (cloud, workstation, mobile, edge, tiny)");
  }
}
