package io.mlsysim.core;

import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result as data: every field with its name, kind, unit and value, in the order the schema
 * declares them. This is what JSON, Parquet and display consume, so they need no knowledge of a
 * resolver's Java result type. Built on demand, off the hot path.
 */
public final class ResultView {

  /**
   * One field. {@code number} holds the canonical SI value of numeric fields (NaN otherwise);
   * {@code value} holds text and object values (null for numeric fields).
   */
  public record Field(String name, Port.Shape shape, QuantityKind kind, String unit,
      double number, Object value, Port<?> port) {

    /** The number in the unit people read (e.g. TFLOP/s/W rather than FLOP/s/W). */
    public double inDisplayUnit() {
      return port == null ? number : port.inDisplayUnit(number);
    }

    /** "1.41 TFLOP/s/W", "true", "H100". */
    public String formatted() {
      if (shape == Port.Shape.TEXT || shape == Port.Shape.OBJECT) {
        return displayName(value);
      }
      if (port != null) {
        return port.format(number);
      }
      return kind == null ? Display.number(number) : Display.format(number, kind);
    }

    /** A value for JSON: canonical number, boolean, text, or the object's string form. */
    public Object jsonValue() {
      return switch (shape) {
        case QUANTITY -> number;
        case INTEGER -> (long) number;
        case FLAG -> number != 0;
        case TEXT -> value;
        case OBJECT -> value instanceof Map<?, ?> ? value : displayName(value);
      };
    }
  }

  /** Zoo entries and enums show by name (H100, fp16), not by their full record dump. */
  static String displayName(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    if (value != null) {
      try {
        java.lang.reflect.Method m = value.getClass().getMethod("name");
        if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
          return (String) m.invoke(value);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // no usable name(): fall back to the value's own text
      }
    }
    return String.valueOf(value);
  }

  private final String resolver;
  private final List<Field> fields;
  private final Result result;
  private final List<Port<?>> undeclared;

  private ResultView(String resolver, List<Field> fields, Result result, List<Port<?>> undeclared) {
    this.resolver = resolver;
    this.fields = Collections.unmodifiableList(fields);
    this.result = result;
    this.undeclared = List.copyOf(undeclared);
  }

  /** The view of {@code result}, produced by the resolver whose schema is given. */
  public static ResultView of(Schema schema, Result result) {
    Collector c = new Collector(schema);
    result.export(c);
    List<Field> fields = new ArrayList<>();
    for (Port<?> p : schema.produces()) {
      Field f = c.written.get(p.name());
      if (f != null) {
        fields.add(f);
      }
    }
    if (result instanceof OptimizerResult o) {
      QuantityKind k = schema.objectiveKind() == null ? QuantityKind.DIMENSIONLESS : schema.objectiveKind();
      fields.add(new Field("objective_value", Port.Shape.QUANTITY, k, k.canonicalSymbol(),
          o.objectiveValue(), null, null));
      fields.add(new Field("best_config", Port.Shape.OBJECT, null, "", Double.NaN,
          Map.copyOf(o.bestConfig()), null));
      fields.add(new Field("total_searched", Port.Shape.INTEGER, QuantityKind.DIMENSIONLESS, "",
          o.totalSearched(), null, null));
    }
    return new ResultView(schema.name(), fields, result, c.undeclared);
  }

  public String resolver() {
    return resolver;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The field called {@code name}; IllegalArgumentException listing the fields otherwise. */
  public Field field(String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      names.add(f.name());
    }
    throw new IllegalArgumentException(resolver + " has no result field '" + name + "'; fields: " + names);
  }

  /** Ports the result wrote that its schema does not declare (a contract violation). */
  public List<Port<?>> undeclaredWrites() {
    return undeclared;
  }

  /** Field name → JSON-ready value, canonical SI for quantities. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Field f : fields) {
      m.put(f.name(), f.jsonValue());
    }
    return m;
  }

  /** Field name → unit symbol (empty for unitless fields), e.g. for Parquet column metadata. */
  public Map<String, String> units() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Field f : fields) {
      m.put(f.name(), f.unit());
    }
    return m;
  }

  /** The result's constraint trace, computed now. */
  public List<String> trace() {
    return result.trace();
  }

  /** Aligned "name  value" lines for people. */
  public String format() {
    int w = 0;
    for (Field f : fields) {
      w = Math.max(w, f.name().length());
    }
    StringBuilder s = new StringBuilder(resolver);
    for (Field f : fields) {
      s.append("\n  ").append(f.name()).append(" ".repeat(w - f.name().length() + 2)).append(f.formatted());
    }
    for (String line : trace()) {
      s.append("\n  · ").append(line);
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  /** Records what export() writes, keeping port metadata for units. */
  private static final class Collector implements Outputs {
    private final Schema schema;
    private final Map<String, Field> written = new LinkedHashMap<>();
    private final List<Port<?>> undeclared = new ArrayList<>();

    Collector(Schema schema) {
      this.schema = schema;
    }

    private void add(Port<?> p, double number, Object value) {
      if (schema.produced(p.name()) == null) {
        undeclared.add(p);
        return;
      }
      QuantityKind k = p.shape() == Port.Shape.QUANTITY ? p.kind()
          : p.shape() == Port.Shape.INTEGER ? QuantityKind.DIMENSIONLESS : null;
      written.put(p.name(), new Field(p.name(), p.shape(), k, p.unit(), number, value, p));
    }

    @Override
    public void putDouble(Port<Double> port, double value) {
      add(port, value, null);
    }

    @Override
    public void putInt(Port<Integer> port, int value) {
      add(port, value, null);
    }

    @Override
    public void putFlag(Port<Boolean> port, boolean value) {
      add(port, value ? 1 : 0, null);
    }

    @Override
    public <T> void put(Port<T> port, T value) {
      add(port, Double.NaN, value);
    }
  }
}
