package io.mlsysim.cli;

import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One column of a zoo listing: how to show it in a table and how to write it in JSON (a
 * quantity becomes {value, unit, display} in canonical SI).
 */
record Column<T>(String header, String jsonName, boolean numeric, Function<T, Object> json,
    Function<T, String> text) {

  static <T> Column<T> text(String header, String jsonName, Function<T, String> value) {
    return new Column<>(header, jsonName, false, value::apply, t -> {
      String v = value.apply(t);
      return v == null ? "—" : v;
    });
  }

  static <T> Column<T> integer(String header, String jsonName, Function<T, Integer> value) {
    return new Column<>(header, jsonName, true, value::apply, t -> {
      Integer v = value.apply(t);
      return v == null || v == 0 ? "—" : String.valueOf(v);
    });
  }

  static <T> Column<T> quantity(String header, String jsonName, QuantityKind kind, ToDoubleFunction<T> value) {
    return new Column<>(header, jsonName, true, t -> quantityJson(value.applyAsDouble(t), kind),
        t -> Display.format(value.applyAsDouble(t), kind));
  }

  static Object quantityJson(double v, QuantityKind kind) {
    if (Double.isNaN(v)) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", v);
    m.put("unit", kind.canonicalSymbol());
    m.put("display", Display.format(v, kind));
    return m;
  }
}
