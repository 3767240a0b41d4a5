package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scaling, sustainability and economics, derived by hand. */
class FleetEconomicsTest {

  @Test
  void chinchilla() {
    // C = 6·20·P² for P = 1e9 → C = 1.2e20
    double c = 6 * 20 * 1e18;
    assertEquals(1e9, Scaling.optimalParams(c, 20), 1e-3);
    assertEquals(2e10, Scaling.optimalTokens(1e9, 20), 1e-3);
    assertEquals(2e10, Scaling.tokensForBudget(c, 1e9), 1e-3);
    // 10 GPU-days at 989 TFLOP/s and MFU 0.4: 10·86400·989e12·0.4
    assertEquals(10 * 86_400 * 989e12 * 0.4, Scaling.acceleratorDaysToFlop(10, 989e12, 0.4), 1e6);
  }

  @Test
  void energyCarbonWater() {
    // 1 kW for 1 h on 2 chips = 2 kWh = 7.2e6 J; PUE 1.5 → 3 kWh; 400 g/kWh → 1.2 kg; 2 L/kWh → 6 L
    double it = Sustainability.itEnergy(1000, 2, 3600);
    assertEquals(7.2e6, it);
    double facility = Sustainability.facilityEnergy(it, 1.5);
    assertEquals(3.0, Sustainability.toKwh(facility), 1e-12);
    assertEquals(1.2, Sustainability.operationalCarbon(facility, 400 / 1000.0 / 3.6e6), 1e-12);
    assertEquals(6.0, Sustainability.water(facility, 2 / 3.6e6), 1e-12);
    assertEquals(164 * 8, Sustainability.embodiedCarbon(164, 8));
    assertEquals(0, Sustainability.embodiedCarbon(Double.NaN, 8));
  }

  @Test
  void tco() {
    double year = 365 * 86_400.0;
    double capex = Economics.capex(25_000, 8, 1.0);
    assertEquals(200_000, capex);
    // 30 days of a 3-year amortisation: 200000·30/1095
    double period = Economics.capexForPeriod(capex, 3 * year, 30 * 86_400);
    assertEquals(200_000 * 30 / 1095.0, period, 1e-6);
    double maint = Economics.maintenance(capex, 0.05, year, 30 * 86_400);
    assertEquals(200_000 * 0.05 * 30 / 365.0, maint, 1e-6);
    double energy = Economics.energyCost(3.6e9, 0.12 / 3.6e6); // 1000 kWh
    assertEquals(120, energy, 1e-9);
    assertEquals(period + energy + maint, Economics.tco(period, energy, maint));
    assertEquals(50, Economics.carbonCost(500, 100), 1e-12);
  }
}
