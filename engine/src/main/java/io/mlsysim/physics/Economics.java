package io.mlsysim.physics;

/** Cost of ownership. Money in USD, time in s, energy in J, energy price in USD/J (0.12 USD/kWh is 3.33e-8 USD/J). */
public final class Economics {
  private Economics() {}

  /** Capital expense: {@code unitCost·N·infraMultiplier}. */
  public static double capex(double unitCost, int units, double infraMultiplier) {
    return unitCost * units * infraMultiplier;
  }

  /** Straight-line share of CapEx for a period: {@code CapEx·duration/amortizationPeriod}. */
  public static double capexForPeriod(double capex, double amortizationPeriod, double duration) {
    return capex * duration / amortizationPeriod;
  }

  /** Maintenance for a period: {@code CapEx·fractionPerYear·duration/year}. */
  public static double maintenance(double capex, double fractionPerYear, double year, double duration) {
    return capex * fractionPerYear * duration / year;
  }

  /** Energy bill: energy × price. */
  public static double energyCost(double energy, double pricePerJoule) {
    return energy * pricePerJoule;
  }

  /** Total cost of ownership over the period. */
  public static double tco(double capexForPeriod, double energyCost, double maintenance) {
    return capexForPeriod + energyCost + maintenance;
  }

  /** Carbon priced at a tax in USD per tonne: {@code kg/1000·tax}. */
  public static double carbonCost(double carbonKg, double taxPerTonne) {
    return carbonKg / 1000 * taxPerTonne;
  }
}
