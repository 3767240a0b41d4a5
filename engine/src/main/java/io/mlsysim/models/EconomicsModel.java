package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Economics;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Total cost of ownership of a fleet over a period (wall 17): the period's share of CapEx,
 * maintenance and the energy bill. Energy comes from SustainabilityModel's facility energy.
 */
public final class EconomicsModel extends Model<EconomicsModel.EconomicsResult> {

  public static final Port<Double> CAPEX = Port.quantity("capex", QuantityKind.MONEY)
      .describedAs("unit cost × accelerators × infrastructure multiplier");
  public static final Port<Double> CAPEX_FOR_PERIOD = Port.quantity("capex_for_period", QuantityKind.MONEY)
      .describedAs("straight-line share of CapEx over 3 years for the duration");
  public static final Port<Double> MAINTENANCE_COST = Port.quantity("maintenance_cost", QuantityKind.MONEY);
  public static final Port<Double> ENERGY_COST = Port.quantity("energy_cost", QuantityKind.MONEY);
  public static final Port<Double> TCO = Port.quantity("tco", QuantityKind.MONEY);
  public static final Port<Double> ENERGY_PRICE = Port.quantity("energy_price", QuantityKind.ENERGY_PRICE)
      .describedAs("the electricity price applied");
  public static final Port<String> PRICE_SOURCE = Port.text("price_source")
      .describedAs("where the price came from: explicit, grid or default");
  public static final Port<Boolean> UNIT_COST_KNOWN = Port.flag("unit_cost_known")
      .describedAs("false when no accelerator price is known (CapEx counted as 0)");

  public record EconomicsResult(double capex, double capexForPeriod, double maintenanceCost, double energyCost,
      double tco, double energyPrice, String priceSource, boolean unitCostKnown) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(CAPEX, capex);
      out.putDouble(CAPEX_FOR_PERIOD, capexForPeriod);
      out.putDouble(MAINTENANCE_COST, maintenanceCost);
      out.putDouble(ENERGY_COST, energyCost);
      out.putDouble(TCO, tco);
      out.putDouble(ENERGY_PRICE, energyPrice);
      out.put(PRICE_SOURCE, priceSource);
      out.putFlag(UNIT_COST_KNOWN, unitCostKnown);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      if (!unitCostKnown) {
        t.add("WARNING: unit cost unknown for this accelerator: CapEx, its period share and maintenance are "
            + "counted as 0 USD; give unit_cost to price the hardware");
      }
      t.add("Capital Wall: TCO " + usd(tco) + " = CapEx share " + usd(capexForPeriod) + " + energy " + usd(energyCost)
          + " + maintenance " + usd(maintenanceCost));
      t.add("electricity at " + Display.number(energyPrice * 3.6e6) + " USD/kWh (" + priceSource
          + ("default".equals(priceSource) ? ": the grid has no electricity price in the zoo; set electricity_price "
              + "for the region's" : "") + ")");
      return t;
    }

    private static String usd(double v) {
      return Display.format(v, QuantityKind.MONEY);
    }
  }

  public EconomicsModel() {
    super(Schema.model("EconomicsModel")
        .describedAs("TCO: CapEx share over 3 years, 5 %/year maintenance, and the energy bill")
        .requires(CommonPorts.FLEET, CommonPorts.DURATION, FleetPorts.FACILITY_ENERGY, CommonPorts.GRID,
            FleetPorts.ELECTRICITY_PRICE, FleetPorts.UNIT_COST, FleetPorts.INFRA_MULTIPLIER)
        .produces(CAPEX, CAPEX_FOR_PERIOD, MAINTENANCE_COST, ENERGY_COST, TCO, ENERGY_PRICE, PRICE_SOURCE,
            UNIT_COST_KNOWN)
        .walls(17)
        .fallacy("Electricity is the main cost of an AI cluster",
            "At typical prices the hardware's amortised CapEx dominates the energy bill several times over")
        .build());
  }

  @Override
  public EconomicsResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.FLEET), in.getDouble(CommonPorts.DURATION),
        in.getDouble(FleetPorts.FACILITY_ENERGY), in.get(CommonPorts.GRID), in.getDouble(FleetPorts.ELECTRICITY_PRICE),
        in.getDouble(FleetPorts.UNIT_COST), in.getDouble(FleetPorts.INFRA_MULTIPLIER));
  }

  /**
   * Direct Java call. NaN {@code price} means "not given" (grid, else 0.12 USD/kWh); NaN
   * {@code unitCost} means the fleet accelerator's price, else unknown (0 with a warning).
   */
  public EconomicsResult solve(Fleet fleet, double duration, double facilityEnergy, GridProfile grid, double price,
      double unitCost, double infraMultiplier) {
    Checks.positive("duration", duration);
    Checks.nonNegative("facility_energy", facilityEnergy);
    Checks.positive("infra_multiplier", infraMultiplier);
    String source;
    if (!Double.isNaN(price)) {
      Checks.nonNegative("electricity_price", price);
      source = "explicit";
    } else if (grid.hasElectricityPrice()) {
      price = grid.electricityPrice();
      source = "grid";
    } else {
      price = Calibration.DEFAULT_ELECTRICITY_PRICE;
      source = "default";
    }
    double unit = Double.isNaN(unitCost) ? fleet.accelerator().unitCost() : Checks.nonNegative("unit_cost", unitCost);
    boolean known = !Double.isNaN(unit);
    double capex = known ? Economics.capex(unit, fleet.totalAccelerators(), infraMultiplier) : 0;
    double share = Economics.capexForPeriod(capex, Calibration.AMORTIZATION_PERIOD, duration);
    double maintenance = Economics.maintenance(capex, Calibration.MAINTENANCE_FRACTION_PER_YEAR, Calibration.YEAR,
        duration);
    double energy = Economics.energyCost(facilityEnergy, price);
    return new EconomicsResult(capex, share, maintenance, energy, Economics.tco(share, energy, maintenance), price,
        source, known);
  }
}
