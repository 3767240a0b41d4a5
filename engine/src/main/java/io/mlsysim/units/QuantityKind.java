package io.mlsysim.units;

import javax.measure.Unit;

/**
 * What a field measures. Each kind has one canonical SI unit: values are converted to it once,
 * at the edge, and every model computes on those doubles. Ratios people know in other units
 * (gCO2e/kWh, USD/h) are stored in SI (kg/J, USD/s) and shown in the familiar unit.
 */
public enum QuantityKind {
  OPERATIONS("operations", "FLOP", UnitCatalog.FLOP, Scale.METRIC, "FLOP"),
  COMPUTE_RATE("compute rate", "FLOP/s", UnitCatalog.FLOP.divide(UnitCatalog.SECOND), Scale.METRIC, "FLOP/s"),
  DATA_SIZE("data size", "B", UnitCatalog.BYTE, Scale.METRIC, "B"),
  DATA_RATE("bandwidth", "B/s", UnitCatalog.BYTE.divide(UnitCatalog.SECOND), Scale.METRIC, "B/s"),
  TIME("time", "s", UnitCatalog.SECOND, Scale.TIME, "s"),
  POWER("power", "W", UnitCatalog.WATT, Scale.METRIC, "W"),
  ENERGY("energy", "J", UnitCatalog.JOULE, Scale.ENERGY, "J"),
  MONEY("money", "USD", UnitCatalog.USD, Scale.PLAIN, "USD"),
  MASS("mass", "kg", UnitCatalog.KILOGRAM, Scale.MASS, "kg"),
  VOLUME("volume", "L", UnitCatalog.LITRE, Scale.PLAIN, "L"),
  ARITHMETIC_INTENSITY("arithmetic intensity", "FLOP/B", UnitCatalog.FLOP.divide(UnitCatalog.BYTE), Scale.PLAIN, "FLOP/B"),
  CARBON_INTENSITY("carbon intensity", "kg/J",
      UnitCatalog.KILOGRAM.divide(UnitCatalog.JOULE), Scale.PLAIN, "gCO2e/kWh"),
  WATER_INTENSITY("water intensity", "L/J",
      UnitCatalog.LITRE.divide(UnitCatalog.JOULE), Scale.PLAIN, "L/kWh"),
  ENERGY_PRICE("energy price", "USD/J",
      UnitCatalog.USD.divide(UnitCatalog.JOULE), Scale.PLAIN, "USD/kWh"),
  HOURLY_PRICE("hourly price", "USD/s", UnitCatalog.USD.divide(UnitCatalog.SECOND), Scale.PLAIN, "USD/h"),
  COMPUTE_PER_WATT("compute per watt", "FLOP/s/W",
      UnitCatalog.FLOP.divide(UnitCatalog.SECOND).divide(UnitCatalog.WATT), Scale.METRIC, "FLOP/s/W"),
  DATA_PRICE("price per byte", "USD/B", UnitCatalog.USD.divide(UnitCatalog.BYTE), Scale.PLAIN, "USD/GB"),
  STORAGE_PRICE("storage price", "USD/B/s",
      UnitCatalog.USD.divide(UnitCatalog.BYTE).divide(UnitCatalog.SECOND), Scale.PLAIN, "USD/TB/month"),
  RATE("rate", "1/s", UnitCatalog.SECOND.inverse(), Scale.PLAIN, "/s"),
  DIMENSIONLESS("dimensionless number", "1", tech.units.indriya.AbstractUnit.ONE, Scale.PLAIN, "");

  /** How values of a kind are shown to people. */
  enum Scale { METRIC, TIME, ENERGY, MASS, PLAIN }

  private final String label;
  private final String canonicalSymbol;
  private final Unit<?> canonicalUnit;
  private final Scale scale;
  private final String displaySymbol;

  QuantityKind(String label, String canonicalSymbol, Unit<?> canonicalUnit, Scale scale, String displaySymbol) {
    this.label = label;
    this.canonicalSymbol = canonicalSymbol;
    this.canonicalUnit = canonicalUnit;
    this.scale = scale;
    this.displaySymbol = displaySymbol;
  }

  /** Human name of the dimension, e.g. "bandwidth". */
  public String label() {
    return label;
  }

  /** The unit every stored double of this kind is in, e.g. "B/s". */
  public String canonicalSymbol() {
    return canonicalSymbol;
  }

  public Unit<?> canonicalUnit() {
    return canonicalUnit;
  }

  Scale scale() {
    return scale;
  }

  String displaySymbol() {
    return displaySymbol;
  }

  /** True when a unit measures this kind (same physical dimension). */
  public boolean accepts(Unit<?> unit) {
    return unit.getDimension().equals(canonicalUnit.getDimension());
  }

  /** An example a user can copy, for error messages. */
  public String example() {
    return switch (this) {
      case OPERATIONS -> "16 GFLOP";
      case COMPUTE_RATE -> "989 TFLOP/s";
      case DATA_SIZE -> "80 GiB";
      case DATA_RATE -> "3.35 TB/s";
      case TIME -> "500 ns";
      case POWER -> "700 W";
      case ENERGY -> "15 Wh";
      case MONEY -> "25000 USD";
      case MASS -> "164 kg";
      case VOLUME -> "1.8 L";
      case ARITHMETIC_INTENSITY -> "295 FLOP/B";
      case CARBON_INTENSITY -> "429 gCO2e/kWh";
      case WATER_INTENSITY -> "1.8 L/kWh";
      case ENERGY_PRICE -> "0.12 USD/kWh";
      case HOURLY_PRICE -> "4 USD/h";
      case COMPUTE_PER_WATT -> "1.4 TFLOP/s/W";
      case DATA_PRICE -> "0.09 USD/GB";
      case STORAGE_PRICE -> "23 USD/TB/month";
      case RATE -> "100 /s";
      case DIMENSIONLESS -> "0.5";
    };
  }
}
