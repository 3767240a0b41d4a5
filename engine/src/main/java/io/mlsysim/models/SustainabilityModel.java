package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.Sustainability;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy, carbon and water of running a fleet for a while (wall 18). Power per chip follows
 * utilisation; PUE is applied once, from the datacenter, else the grid's region, else 1.12.
 */
public final class SustainabilityModel extends Model<SustainabilityModel.SustainabilityResult> {

  public static final Port<Double> CHIP_POWER = Port.quantity("chip_power", QuantityKind.POWER, "W")
      .describedAs("average draw of one accelerator, TDP·(0.30 + 0.70·MFU)");
  public static final Port<Double> IT_ENERGY = Port.quantity("it_energy", QuantityKind.ENERGY, "kWh");
  public static final Port<Double> FACILITY_ENERGY = FleetPorts.FACILITY_ENERGY;
  public static final Port<Double> PUE = Port.number("pue").describedAs("power usage effectiveness applied");
  public static final Port<String> PUE_SOURCE = Port.text("pue_source")
      .describedAs("where the PUE came from: datacenter, grid or default");
  public static final Port<Double> OPERATIONAL_CARBON = Port.quantity("operational_carbon", QuantityKind.MASS, "kg");
  public static final Port<Double> EMBODIED_CARBON = Port.quantity("embodied_carbon", QuantityKind.MASS, "kg");
  public static final Port<Boolean> EMBODIED_KNOWN = Port.flag("embodied_known")
      .describedAs("false when the accelerator has no embodied-carbon figure (counted as 0)");
  public static final Port<Double> TOTAL_CARBON = Port.quantity("total_carbon", QuantityKind.MASS, "kg");
  public static final Port<Double> WATER = Port.quantity("water", QuantityKind.VOLUME, "L");

  static final String FROM_DATACENTER = "datacenter";
  static final String FROM_GRID = "grid";
  static final String FROM_DEFAULT = "default";

  public record SustainabilityResult(double chipPower, double itEnergy, double facilityEnergy, double pue,
      String pueSource, double operationalCarbon, double embodiedCarbon, boolean embodiedKnown, double totalCarbon,
      double water) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(CHIP_POWER, chipPower);
      out.putDouble(IT_ENERGY, itEnergy);
      out.putDouble(FACILITY_ENERGY, facilityEnergy);
      out.putDouble(PUE, pue);
      out.put(PUE_SOURCE, pueSource);
      out.putDouble(OPERATIONAL_CARBON, operationalCarbon);
      out.putDouble(EMBODIED_CARBON, embodiedCarbon);
      out.putFlag(EMBODIED_KNOWN, embodiedKnown);
      out.putDouble(TOTAL_CARBON, totalCarbon);
      out.putDouble(WATER, water);
    }

    @Override
    public List<String> trace() {
      List<String> t = new ArrayList<>();
      t.add("IT energy " + Display.format(itEnergy, QuantityKind.ENERGY) + " at "
          + Display.format(chipPower, QuantityKind.POWER) + " per chip; facility "
          + Display.format(facilityEnergy, QuantityKind.ENERGY) + " with PUE " + Display.number(pue)
          + " (from the " + pueSource + ", applied once)");
      t.add("Sustainability Wall: operational " + Display.format(operationalCarbon, QuantityKind.MASS)
          + " CO2e + embodied " + Display.format(embodiedCarbon, QuantityKind.MASS) + " = "
          + Display.format(totalCarbon, QuantityKind.MASS) + "; water " + Display.format(water, QuantityKind.VOLUME));
      if (!embodiedKnown) {
        t.add("embodied carbon unknown for this accelerator: counted as 0 kg, so total carbon is a lower bound");
      }
      return t;
    }
  }

  public SustainabilityModel() {
    super(Schema.model("SustainabilityModel")
        .describedAs("Energy, operational and embodied carbon, and water of a fleet over a duration")
        .requires(CommonPorts.FLEET, CommonPorts.DURATION, FleetPorts.MFU_IN, CommonPorts.GRID, FleetPorts.DATACENTER)
        .produces(CHIP_POWER, IT_ENERGY, FACILITY_ENERGY, PUE, PUE_SOURCE, OPERATIONAL_CARBON, EMBODIED_CARBON,
            EMBODIED_KNOWN, TOTAL_CARBON, WATER)
        .walls(18)
        .fallacy("A cleaner grid only matters for big jobs",
            "Carbon scales with grid intensity at every size: the same job on hydro emits about a twentieth")
        .build());
  }

  @Override
  public SustainabilityResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.FLEET), in.getDouble(CommonPorts.DURATION), in.getDouble(FleetPorts.MFU_IN),
        in.get(CommonPorts.GRID), in.get(FleetPorts.DATACENTER));
  }

  /** Without a datacenter: the grid's PUE and WUE. */
  public SustainabilityResult solve(Fleet fleet, double duration, double mfu, GridProfile grid) {
    return solve(fleet, duration, mfu, grid, FleetPorts.NO_DATACENTER);
  }

  /** Direct Java call; {@code datacenter} may be {@link FleetPorts#NO_DATACENTER} or null. */
  public SustainabilityResult solve(Fleet fleet, double duration, double mfu, GridProfile grid,
      Datacenter datacenter) {
    Checks.positive("duration", duration);
    Checks.fraction("mfu", mfu);
    HardwareNode hw = fleet.accelerator();
    int n = fleet.totalAccelerators();
    double tdp = hw.hasTdp() ? hw.tdp() : Calibration.FALLBACK_TDP;
    double power = Roofline.power(tdp, Calibration.IDLE_POWER_FRACTION, Calibration.DYNAMIC_POWER_FRACTION, mfu);
    double it = Sustainability.itEnergy(power, n, duration);
    boolean site = datacenter != null && datacenter != FleetPorts.NO_DATACENTER;
    double pue;
    String source;
    if (site && datacenter.pue() > 0) {
      pue = datacenter.pue();
      source = FROM_DATACENTER;
    } else if (grid.pue() > 0) {
      pue = grid.pue();
      source = FROM_GRID;
    } else {
      pue = Calibration.FALLBACK_PUE;
      source = FROM_DEFAULT;
    }
    double wue = site && datacenter.wue() >= 0 ? datacenter.wue() : (grid.wue() >= 0 ? grid.wue() : 0);
    double facility = Sustainability.facilityEnergy(it, pue);
    double operational = Sustainability.operationalCarbon(facility, grid.carbonIntensity());
    boolean embodiedKnown = !Double.isNaN(hw.embodiedCarbonKg());
    double embodied = Sustainability.embodiedCarbon(hw.embodiedCarbonKg(), n);
    double water = Sustainability.water(facility, wue);
    return new SustainabilityResult(power, it, facility, pue, source, operational, embodied, embodiedKnown,
        operational + embodied, water);
  }
}
