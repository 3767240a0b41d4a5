package io.mlsysim.physics;

/**
 * Energy, carbon and water of running a fleet, all in SI: energy in J, power in W, time in s,
 * carbon intensity in kg/J, water intensity in L/J, carbon in kg, water in L. (429 gCO2e/kWh is
 * 1.19e-7 kg/J; the zoo's grids are stored that way.)
 */
public final class Sustainability {
  private Sustainability() {}

  /** Joules in one kilowatt-hour. */
  public static final double JOULES_PER_KWH = 3.6e6;

  /** Energy drawn by the accelerators: {@code power·N·T}. */
  public static double itEnergy(double powerPerChip, int chips, double duration) {
    return powerPerChip * chips * duration;
  }

  /** Facility energy: IT energy times PUE, applied once. */
  public static double facilityEnergy(double itEnergy, double pue) {
    return itEnergy * pue;
  }

  /** Operational carbon of facility energy: {@code energy·intensity}, kg. */
  public static double operationalCarbon(double facilityEnergy, double carbonIntensity) {
    return facilityEnergy * carbonIntensity;
  }

  /** Water consumed: {@code energy·WUE}, L. */
  public static double water(double facilityEnergy, double waterIntensity) {
    return facilityEnergy * waterIntensity;
  }

  /** Manufacturing carbon of N devices, kg (0 when the per-device figure is unknown/NaN). */
  public static double embodiedCarbon(double perDeviceKg, int devices) {
    return Double.isNaN(perDeviceKg) ? 0 : perDeviceKg * devices;
  }

  /** J to kWh. */
  public static double toKwh(double joules) {
    return joules / JOULES_PER_KWH;
  }
}
