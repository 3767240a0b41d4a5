package io.mlsysim.zoo;

import static io.mlsysim.units.QuantityKind.CARBON_INTENSITY;
import static io.mlsysim.units.QuantityKind.ENERGY_PRICE;
import static io.mlsysim.units.QuantityKind.WATER_INTENSITY;

import io.mlsysim.infrastructure.CoolingProfile;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.infrastructure.Price;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.units.Quantities;
import io.mlsysim.zoo.spec.InfrastructureSpecs;
import java.util.List;

/** Binds grids, cooling profiles, datacenters and prices. */
final class InfrastructureBinder {
  /** The kinds a price may have; the unit the user wrote decides which. */
  private static final List<QuantityKind> PRICE_KINDS = List.of(QuantityKind.ENERGY_PRICE,
      QuantityKind.HOURLY_PRICE, QuantityKind.DATA_PRICE, QuantityKind.STORAGE_PRICE, QuantityKind.MONEY,
      QuantityKind.DIMENSIONLESS);

  private InfrastructureBinder() {}

  static GridProfile grid(EntryContext c, InfrastructureSpecs.GridSpec s) {
    double ci = c.required("carbon_intensity", s.carbonIntensity, CARBON_INTENSITY);
    c.check(ci >= 0, "carbon_intensity must not be negative");
    double pue = pue(c, s.pue);
    double wue = c.required("wue", s.wue, WATER_INTENSITY);
    c.check(wue >= 0, "wue must not be negative");
    double renewable = s.renewableFraction == null ? Double.NaN : s.renewableFraction;
    c.check(Double.isNaN(renewable) || (renewable >= 0 && renewable <= 1),
        "renewable_fraction must be within 0–1 (write 0.21 for 21 %)");
    double price = c.positiveIfPresent("electricity_price", c.optional("electricity_price", s.electricityPrice, ENERGY_PRICE));
    return new GridProfile(c.name(), s.displayName == null ? c.name() : s.displayName,
        ci, pue, wue,
        s.sourceMix == null ? "" : s.sourceMix, renewable, price, c.provenance(s.source));
  }

  static CoolingProfile cooling(EntryContext c, InfrastructureSpecs.CoolingSpec s) {
    double wue = c.required("wue", s.wue, WATER_INTENSITY);
    c.check(wue >= 0, "wue must not be negative");
    return new CoolingProfile(c.name(), pue(c, s.pue), wue, c.provenance(s.source));
  }

  static Datacenter datacenter(EntryContext c, InfrastructureSpecs.DatacenterSpec s,
      Registry<GridProfile> grids, Registry<CoolingProfile> cooling) {
    return new Datacenter(c.name(), c.resolve(grids, "grid", s.grid), c.resolve(cooling, "cooling", s.cooling),
        c.provenance(s.source));
  }

  static Price price(EntryContext c, InfrastructureSpecs.PriceSpec s) {
    String text = c.require("value", s.value).text();
    int space = text.indexOf(' ');
    String unit = space < 0 ? "" : text.substring(space + 1).trim();
    for (QuantityKind k : PRICE_KINDS) {
      try {
        double v = Quantities.parse("value", text, k);
        c.check(v >= 0, "value must not be negative");
        return new Price(c.name(), v, k, unit, c.provenance(s.source));
      } catch (IllegalArgumentException notThisKind) {
        // try the next kind
      }
    }
    throw c.error(s.value.line(), "value '" + text + "' is not a price; write e.g. \"0.12 USD/kWh\","
        + " \"4 USD/h\", \"0.09 USD/GB\", \"23 USD/TB/month\" or \"350000 USD\"");
  }

  private static double pue(EntryContext c, Double pue) {
    double v = c.require("pue", pue);
    c.check(v >= 1 && v <= 3, "pue " + v + " is outside 1.0–3.0");
    return v;
  }
}
