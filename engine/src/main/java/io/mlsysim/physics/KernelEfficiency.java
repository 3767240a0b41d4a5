package io.mlsysim.physics;

/**
 * Achievable utilisation by kernel type: a base MFU at the reference efficiency, scaled
 * linearly with the requested efficiency and capped.
 */
public final class KernelEfficiency {
  private KernelEfficiency() {}

  /** {@code clamp01(min(base·η/η_ref, cap))}; pass {@code +∞} for an uncapped kernel. */
  public static double mfu(double efficiency, double referenceEfficiency, double base, double cap) {
    return Roofline.clamp01(Math.min(base * efficiency / referenceEfficiency, cap));
  }

  /** Occupancy loss: {@code 1 − min(headroom·η, 1)}. */
  public static double occupancyLoss(double efficiency, double headroom) {
    return 1 - Math.min(headroom * efficiency, 1);
  }

  /** Remaining stall attributed to memory: {@code max(0, 1 − MFU − occupancyLoss)}. */
  public static double memoryStall(double mfu, double occupancyLoss) {
    return Math.max(0, 1 - mfu - occupancyLoss);
  }
}
