package io.mlsysim.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.Unit;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The Indriya (JSR 385) units the engine understands, and the symbol table that maps what users
 * type ("TFLOP/s", "GiB", "Gbps", "gCO2e/kWh") to them.
 *
 * <p>Floating-point operations, bytes and US dollars are not SI quantities, so each gets a base
 * dimension of its own; Indriya then does the dimensional algebra (FLOP/B, USD/kWh) for us.
 */
public final class UnitCatalog {

  /** One floating-point (or integer) operation. Its own dimension, so FLOP/s never equals B/s. */
  public static final Unit<?> FLOP = new BaseUnit<>("FLOP", UnitDimension.parse('F'));
  /** One byte. Bits are an eighth of it. */
  public static final Unit<?> BYTE = new BaseUnit<>("B", UnitDimension.parse('D'));
  /** One US dollar. */
  public static final Unit<?> USD = new BaseUnit<>("USD", UnitDimension.parse('$'));

  public static final Unit<?> BIT = BYTE.divide(8);
  public static final Unit<?> SECOND = Units.SECOND;
  public static final Unit<?> HOUR = Units.HOUR;
  public static final Unit<?> DAY = Units.DAY;
  public static final Unit<?> WATT = Units.WATT;
  public static final Unit<?> JOULE = Units.JOULE;
  public static final Unit<?> WATT_HOUR = Units.WATT.multiply(Units.HOUR);
  public static final Unit<?> KILOGRAM = Units.KILOGRAM;
  public static final Unit<?> GRAM = Units.GRAM;
  public static final Unit<?> LITRE = Units.LITRE;

  private static final Map<String, Unit<?>> SYMBOLS = buildSymbols();

  private UnitCatalog() {}

  /** The unit a symbol stands for, or null when the symbol is unknown. */
  public static Unit<?> symbol(String symbol) {
    return SYMBOLS.get(symbol);
  }

  /** Every symbol the parser accepts, for help texts and did-you-mean. */
  public static Map<String, Unit<?>> symbols() {
    return Collections.unmodifiableMap(SYMBOLS);
  }

  private static Map<String, Unit<?>> buildSymbols() {
    Map<String, Unit<?>> m = new LinkedHashMap<>();
    String[] big = {"", "k", "M", "G", "T", "P", "E"};
    double[] bigFactor = {1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18};
    for (int i = 0; i < big.length; i++) {
      String p = big[i];
      double f = bigFactor[i];
      // Operation counts: "TFLOP", "TFLOPs" (plural count, as pint writes it), "TOP"/"TOPs".
      m.put(p + "FLOP", scaled(FLOP, f));
      m.put(p + "FLOPs", scaled(FLOP, f));
      m.put(p + "OP", scaled(FLOP, f));
      m.put(p + "OPs", scaled(FLOP, f));
      // Rates written as one word: "TFLOPS", "TOPS" mean per second.
      m.put(p + "FLOPS", scaled(FLOP, f).divide(SECOND));
      m.put(p + "OPS", scaled(FLOP, f).divide(SECOND));
      m.put(p + "B", scaled(BYTE, f));
      m.put(p + "bit", scaled(BIT, f));
      m.put(p + "bps", scaled(BIT, f).divide(SECOND));
      m.put(p + "W", scaled(WATT, f));
      m.put(p + "J", scaled(JOULE, f));
      m.put(p + "Wh", scaled(WATT_HOUR, f));
    }
    // "kB" is the SI spelling; "KB" is ambiguous (1000 or 1024) and deliberately absent.
    String[] bin = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    for (int i = 0; i < bin.length; i++) {
      m.put(bin[i] + "B", scaled(BYTE, Math.pow(1024, i + 1)));
    }
    m.put("mW", scaled(WATT, 1e-3));
    m.put("µW", scaled(WATT, 1e-6));
    m.put("uW", scaled(WATT, 1e-6));
    m.put("mJ", scaled(JOULE, 1e-3));
    m.put("µJ", scaled(JOULE, 1e-6));
    m.put("uJ", scaled(JOULE, 1e-6));
    m.put("pJ", scaled(JOULE, 1e-12));
    m.put("nJ", scaled(JOULE, 1e-9));
    m.put("s", SECOND);
    m.put("sec", SECOND);
    m.put("ms", scaled(SECOND, 1e-3));
    m.put("µs", scaled(SECOND, 1e-6));
    m.put("μs", scaled(SECOND, 1e-6)); // Greek mu, which some keyboards produce instead of micro
    m.put("us", scaled(SECOND, 1e-6));
    m.put("ns", scaled(SECOND, 1e-9));
    m.put("min", scaled(SECOND, 60));
    m.put("h", HOUR);
    m.put("hr", HOUR);
    m.put("hours", HOUR);
    m.put("day", DAY);
    m.put("days", DAY);
    m.put("month", scaled(DAY, 365.0 / 12));
    m.put("year", scaled(DAY, 365));
    m.put("years", scaled(DAY, 365));
    m.put("g", GRAM);
    m.put("kg", KILOGRAM);
    m.put("t", scaled(KILOGRAM, 1000));
    m.put("gCO2e", GRAM);
    m.put("kgCO2e", KILOGRAM);
    m.put("tCO2e", scaled(KILOGRAM, 1000));
    m.put("gCO₂e", GRAM);
    m.put("kgCO₂e", KILOGRAM);
    m.put("tCO₂e", scaled(KILOGRAM, 1000));
    m.put("L", LITRE);
    m.put("mL", scaled(LITRE, 1e-3));
    m.put("kL", scaled(LITRE, 1e3));
    m.put("USD", USD);
    m.put("$", USD);
    m.put("kUSD", scaled(USD, 1e3));
    m.put("MUSD", scaled(USD, 1e6));
    return m;
  }

  private static Unit<?> scaled(Unit<?> unit, double factor) {
    return factor == 1 ? unit : unit.multiply(factor);
  }

}
