package io.mlsysim.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.IncommensurableException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

/**
 * Parses "989 TFLOP/s"-style strings into canonical doubles, checking the dimension against
 * the field that receives them. This is the only door through which user-written numbers
 * with units enter the engine.
 */
public final class Quantities {

  private static final Pattern VALUE =
      Pattern.compile("^\\s*([+-]?(?:\\d[\\d_,]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");

  private Quantities() {}

  /**
   * Parses {@code text} for the field named {@code field} and returns its value in the kind's
   * canonical unit (e.g. bytes per second for {@link QuantityKind#DATA_RATE}).
   *
   * @throws UnitException naming the field, the value and the expected dimension
   */
  public static double parse(String field, String text, QuantityKind kind) {
    if (text == null || text.isBlank()) {
      throw new UnitException(field, String.valueOf(text),
          field + ": a " + kind.label() + " is required, e.g. \"" + kind.example() + "\"");
    }
    Matcher m = VALUE.matcher(text);
    if (!m.matches()) {
      throw new UnitException(field, text, field + ": '" + text + "' is not a number with a unit;"
          + " write a " + kind.label() + " such as \"" + kind.example() + "\"");
    }
    double number;
    try {
      number = Double.parseDouble(m.group(1).replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new UnitException(field, text, field + ": '" + m.group(1) + "' is not a number");
    }
    if (!Double.isFinite(number)) {
      throw new UnitException(field, text, field + ": '" + text + "' is not a finite number");
    }
    String unitText = m.group(2);
    if (unitText.isEmpty()) {
      if (kind == QuantityKind.DIMENSIONLESS) {
        return number;
      }
      throw new UnitException(field, text, field + ": '" + text + "' has no unit; a "
          + kind.label() + " needs one, e.g. \"" + kind.example() + "\"");
    }
    Unit<?> unit = parseUnit(field, text, unitText);
    if (!kind.accepts(unit)) {
      throw new UnitException(field, text, field + ": '" + text + "' is not a " + kind.label()
          + " (expected a unit like " + kind.canonicalSymbol() + ", e.g. \"" + kind.example() + "\")");
    }
    return toCanonical(number, unit, kind);
  }

  /** Parses a unit expression such as "TFLOP/s", "gCO2e/kWh", "/s" or "USD/h". */
  public static Unit<?> parseUnit(String field, String text, String expression) {
    String expr = expression.replace(" ", "");
    Unit<?> result = null;
    int start = 0;
    char op = '*';
    for (int i = 0; i <= expr.length(); i++) {
      char c = i < expr.length() ? expr.charAt(i) : '\0';
      if (c == '/' || c == '*' || c == '·' || c == '\0') {
        String symbol = expr.substring(start, i);
        if (symbol.isEmpty()) {
          if (!(i == 0 && c == '/')) {
            throw new UnitException(field, text, field + ": '" + expression + "' is not a unit expression");
          }
          result = tech.units.indriya.AbstractUnit.ONE;
        } else {
          Unit<?> u = UnitCatalog.symbol(symbol);
          if (u == null) {
            throw new UnitException(field, text, field + ": unknown unit '" + symbol + "' in '" + text + "'"
                + suggestion(symbol));
          }
          result = result == null ? u : (op == '/' ? result.divide(u) : result.multiply(u));
        }
        op = c == '·' ? '*' : c;
        start = i + 1;
      }
    }
    return result;
  }

  /** Converts a number in {@code unit} to the canonical unit of {@code kind}. */
  public static double toCanonical(double number, Unit<?> unit, QuantityKind kind) {
    try {
      UnitConverter c = unit.getConverterToAny(kind.canonicalUnit());
      return c.convert(number);
    } catch (IncommensurableException e) {
      throw new IllegalArgumentException(unit + " is not a " + kind.label(), e);
    }
  }

  /** Converts a canonical value of {@code kind} to the unit named by {@code symbolExpression}. */
  public static double fromCanonical(double canonical, QuantityKind kind, String symbolExpression) {
    Unit<?> unit = parseUnit("unit", symbolExpression, symbolExpression);
    try {
      return kind.canonicalUnit().getConverterToAny(unit).convert(canonical);
    } catch (IncommensurableException e) {
      throw new IllegalArgumentException(symbolExpression + " is not a " + kind.label(), e);
    }
  }

  private static String suggestion(String symbol) {
    String lower = symbol.toLowerCase(Locale.ROOT);
    if (symbol.endsWith("KB") || symbol.equals("K")) {
      return "; write kB (1000 B) or KiB (1024 B)";
    }
    for (String known : UnitCatalog.symbols().keySet()) {
      if (known.toLowerCase(Locale.ROOT).equals(lower)) {
        return "; did you mean '" + known + "'?";
      }
    }
    return "; known units include FLOP, FLOP/s, TFLOP/s, TOPS, B, GB, GiB, GB/s, Gbps, s, ms, us, ns, "
        + "W, kW, J, Wh, kWh, USD, kg, t, L, gCO2e/kWh";
  }
}
