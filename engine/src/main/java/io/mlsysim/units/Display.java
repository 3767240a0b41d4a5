package io.mlsysim.units;

import java.util.Locale;

/** Formats canonical values for people: "3.35 TB/s", "5.19 ms", "85.9 GB". */
public final class Display {

  private static final String[] METRIC_PREFIX = {"", "k", "M", "G", "T", "P", "E"};
  private static final String[] SMALL_PREFIX = {"m", "µ", "n", "p"};

  private Display() {}

  /** Three significant digits with an SI prefix chosen so the number reads naturally. */
  public static String format(double canonical, QuantityKind kind) {
    if (Double.isNaN(canonical)) {
      return "—";
    }
    if (Double.isInfinite(canonical)) {
      return (canonical > 0 ? "∞" : "-∞") + suffix(kind.displaySymbol());
    }
    // Sizes are printed in SI units (GB = 1e9 B) everywhere, like every other unit printed (GB/s,
    // TFLOP/s) and like the memory walls compare them. Vendors' "80 GB" of HBM is 80 GiB, so an
    // H100 reads 85.9 GB; a table printing 80 GiB for it beside another printing 85.9 GB would
    // look like two different chips. Inputs may still be written in GiB.
    return switch (kind.scale()) {
      case METRIC -> metric(canonical, kind.displaySymbol());
      case TIME -> time(canonical);
      case ENERGY -> energy(canonical);
      case MASS -> mass(canonical);
      case PLAIN -> kind == QuantityKind.MONEY ? money(canonical) : plain(canonical, kind);
    };
  }

  /** Three significant digits, no unit; trailing zeros trimmed. */
  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs >= 1e12 || abs < 1e-3) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    if (abs >= 1e6) {
      // three significant digits, written out: 1,900,000 rather than 1.90e+06
      double scale = Math.pow(10, Math.floor(Math.log10(abs)) - 2);
      return String.format(Locale.ROOT, "%,.0f", Math.rint(v / scale) * scale);
    }
    int digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    String s = String.format(Locale.ROOT, "%." + digits + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  private static String metric(double v, String unit) {
    double abs = Math.abs(v);
    if (abs != 0 && abs < 1) {
      int i = 0;
      double scaled = v;
      while (Math.abs(scaled) < 1 && i < SMALL_PREFIX.length) {
        scaled *= 1000;
        i++;
      }
      return number(scaled) + " " + SMALL_PREFIX[i - 1] + unit;
    }
    int i = 0;
    double scaled = v;
    while (Math.abs(scaled) >= 1000 && i < METRIC_PREFIX.length - 1) {
      scaled /= 1000;
      i++;
    }
    return number(scaled) + " " + METRIC_PREFIX[i] + unit;
  }

  private static String time(double seconds) {
    double abs = Math.abs(seconds);
    if (abs >= 2 * 86400) {
      return number(seconds / 86400) + " days";
    }
    if (abs >= 2 * 3600) {
      return number(seconds / 3600) + " h";
    }
    if (abs >= 1 || abs == 0) {
      return number(seconds) + " s";
    }
    return metric(seconds, "s");
  }

  private static String energy(double joules) {
    double abs = Math.abs(joules);
    if (abs >= 3.6e6) {
      return metric(joules / 3600, "Wh");
    }
    return metric(joules, "J");
  }

  private static String mass(double kg) {
    double abs = Math.abs(kg);
    if (abs >= 1000) {
      return number(kg / 1000) + " t";
    }
    if (abs < 1 && abs != 0) {
      return number(kg * 1000) + " g";
    }
    return number(kg) + " kg";
  }

  /** Money reads best in full: 3,000,000 USD rather than 3.00e+06 USD. */
  private static String money(double usd) {
    return Math.abs(usd) >= 1000 ? String.format(Locale.ROOT, "%,.0f USD", usd) : number(usd) + " USD";
  }

  private static String plain(double canonical, QuantityKind kind) {
    if (kind.displaySymbol().equals(kind.canonicalSymbol()) || kind.displaySymbol().isEmpty()) {
      return number(canonical) + suffix(kind.displaySymbol());
    }
    return number(Quantities.fromCanonical(canonical, kind, kind.displaySymbol())) + suffix(kind.displaySymbol());
  }

  private static String suffix(String unit) {
    return unit.isEmpty() ? "" : " " + unit;
  }
}
