package io.mlsysim.core;

import io.mlsysim.units.Display;
import io.mlsysim.units.Quantities;
import io.mlsysim.units.QuantityKind;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named, typed value a resolver reads or writes. Pipelines wire stages by port name and check
 * the type before anything runs: a quantity port carries its dimension ({@link QuantityKind}),
 * an object port its Java class.
 *
 * <p>Every Port object gets a small process-wide {@link #id()} so that a compiled pipeline can
 * find a port's slot with one array index instead of a string lookup. Ports are immutable;
 * {@link #withDefault} and friends return a new port (with a new id). Declare ports once, as
 * {@code static final} constants, and share them between a resolver and its result.
 *
 * @param <T> the Java type of the value ({@code Double} for quantities, read unboxed with
 *     {@link Inputs#getDouble})
 */
public final class Port<T> {

  /** How a value is stored: quantities, integers and flags live unboxed in a double frame. */
  public enum Shape { QUANTITY, INTEGER, FLAG, TEXT, OBJECT }

  /** A range check applied where values enter the engine, never inside the evaluation loop. */
  public enum Bound { ANY, NON_NEGATIVE, POSITIVE }

  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final int id;
  private final String name;
  private final Shape shape;
  private final QuantityKind kind;
  private final Class<T> type;
  private final String displayUnit;
  private final boolean hasDefault;
  private final double defaultNumber;
  private final Object defaultObject;
  private final Bound bound;
  /** Largest value the port accepts, +∞ when only {@link #bound} limits it. */
  private final double max;
  private final String description;

  private Port(String name, Shape shape, QuantityKind kind, Class<T> type, String displayUnit,
      boolean hasDefault, double defaultNumber, Object defaultObject, Bound bound, String description) {
    this(name, shape, kind, type, displayUnit, hasDefault, defaultNumber, defaultObject, bound,
        Double.POSITIVE_INFINITY, description);
  }

  private Port(String name, Shape shape, QuantityKind kind, Class<T> type, String displayUnit,
      boolean hasDefault, double defaultNumber, Object defaultObject, Bound bound, double max,
      String description) {
    this.id = NEXT_ID.getAndIncrement();
    this.name = checkName(name);
    this.shape = shape;
    this.kind = kind;
    this.type = type;
    this.displayUnit = displayUnit;
    this.hasDefault = hasDefault;
    this.defaultNumber = defaultNumber;
    this.defaultObject = defaultObject;
    this.bound = bound;
    this.max = max;
    this.description = description;
  }

  /** A physical quantity in its kind's canonical SI unit, e.g. {@code TIME} in seconds. */
  public static Port<Double> quantity(String name, QuantityKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new Port<>(name, Shape.QUANTITY, kind, Double.class, null, false, Double.NaN, null,
        Bound.ANY, "");
  }

  /**
   * A quantity that people read in a particular unit, e.g. "TFLOP/s/W". The value still flows
   * as canonical SI; the unit only matters for result views and display.
   */
  public static Port<Double> quantity(String name, QuantityKind kind, String displayUnit) {
    Quantities.fromCanonical(1, kind, displayUnit); // refuses a unit of the wrong dimension now
    return new Port<>(name, Shape.QUANTITY, kind, Double.class, displayUnit, false, Double.NaN,
        null, Bound.ANY, "");
  }

  /** A dimensionless number (a ratio, an efficiency, a fraction). */
  public static Port<Double> number(String name) {
    return quantity(name, QuantityKind.DIMENSIONLESS);
  }

  /** A count (batch size, GPUs, layers). Stored unboxed. */
  public static Port<Integer> count(String name) {
    return new Port<>(name, Shape.INTEGER, null, Integer.class, null, false, Double.NaN, null,
        Bound.ANY, "");
  }

  /** A yes/no outcome. Stored unboxed. */
  public static Port<Boolean> flag(String name) {
    return new Port<>(name, Shape.FLAG, null, Boolean.class, null, false, Double.NaN, null,
        Bound.ANY, "");
  }

  /** Free text, such as the name of a chosen configuration. */
  public static Port<String> text(String name) {
    return new Port<>(name, Shape.TEXT, null, String.class, null, false, Double.NaN, null,
        Bound.ANY, "");
  }

  /** A structured input such as a HardwareNode, Workload, Fleet or GridProfile. */
  public static <T> Port<T> object(String name, Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type == Double.class || type == Integer.class || type == Boolean.class
        || type == String.class || type.isPrimitive()) {
      throw new IllegalArgumentException("port '" + name + "': use Port.quantity/number, count, "
          + "flag or text for " + type.getSimpleName() + " values, not Port.object");
    }
    return new Port<>(name, Shape.OBJECT, null, type, null, false, Double.NaN, null, Bound.ANY, "");
  }

  /** The same port with a default used when no stage produces it and the caller omits it. */
  public Port<T> withDefault(T value) {
    Objects.requireNonNull(value, "default of " + name);
    double n = Double.NaN;
    Object o = null;
    switch (shape) {
      case QUANTITY -> n = ((Number) value).doubleValue();
      case INTEGER -> n = ((Number) value).intValue();
      case FLAG -> n = ((Boolean) value) ? 1 : 0;
      default -> o = value;
    }
    Port<T> p = new Port<>(name, shape, kind, type, displayUnit, true, n, o, bound, max, description);
    if (shape == Shape.QUANTITY || shape == Shape.INTEGER) {
      p.check(n);
    }
    return p;
  }

  /** The same port refusing negative values where they enter the engine. */
  public Port<T> nonNegative() {
    return withBound(Bound.NON_NEGATIVE);
  }

  /** The same port refusing zero and negative values where they enter the engine. */
  public Port<T> positive() {
    return withBound(Bound.POSITIVE);
  }

  /** The same port with a sentence for explain() and generated docs. */
  public Port<T> describedAs(String text) {
    return new Port<>(name, shape, kind, type, displayUnit, hasDefault, defaultNumber,
        defaultObject, bound, max, Objects.requireNonNull(text));
  }

  /**
   * The same port refusing values above {@code limit} where they enter the engine, e.g. an
   * efficiency (a fraction of peak) at most 1 or a ZeRO stage at most 3. The default, if any,
   * must already lie within it.
   */
  public Port<T> atMost(double limit) {
    numericOnly();
    Port<T> p = new Port<>(name, shape, kind, type, displayUnit, hasDefault, defaultNumber,
        defaultObject, bound, limit, description);
    if (hasDefault) {
      p.check(defaultNumber);
    }
    return p;
  }

  private Port<T> withBound(Bound b) {
    numericOnly();
    return new Port<>(name, shape, kind, type, displayUnit, hasDefault, defaultNumber,
        defaultObject, b, max, description);
  }

  private void numericOnly() {
    if (shape != Shape.QUANTITY && shape != Shape.INTEGER) {
      throw new IllegalArgumentException("port '" + name + "': only numeric ports have a range");
    }
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Shape shape() {
    return shape;
  }

  /** The dimension of a quantity port; DIMENSIONLESS for counts and flags; null otherwise. */
  public QuantityKind kind() {
    return kind;
  }

  public Class<T> type() {
    return type;
  }

  public Bound bound() {
    return bound;
  }

  /** Largest accepted value; +∞ when the port has no upper limit. */
  public double max() {
    return max;
  }

  public String description() {
    return description;
  }

  /** True when the port stores its value in the double frame (quantity, count, flag). */
  public boolean isNumeric() {
    return shape == Shape.QUANTITY || shape == Shape.INTEGER || shape == Shape.FLAG;
  }

  public boolean hasDefault() {
    return hasDefault;
  }

  /** Default of a numeric port as its stored double (flags as 0/1). */
  public double defaultNumber() {
    return defaultNumber;
  }

  /** Default of a text or object port. */
  public Object defaultObject() {
    return defaultObject;
  }

  /** The unit people read this port in: the display unit if set, else canonical SI. */
  public String unit() {
    if (shape != Shape.QUANTITY) {
      return "";
    }
    return displayUnit != null ? displayUnit : kind.canonicalSymbol();
  }

  /** A canonical value converted to {@link #unit()}. */
  public double inDisplayUnit(double canonical) {
    return displayUnit == null ? canonical : Quantities.fromCanonical(canonical, kind, displayUnit);
  }

  /** A value formatted for people, e.g. "1.41 TFLOP/s/W" or "3.35 TB/s". */
  public String format(double canonical) {
    return switch (shape) {
      case QUANTITY -> displayUnit != null
          ? Display.number(inDisplayUnit(canonical)) + " " + displayUnit
          : Display.format(canonical, kind);
      case INTEGER -> Long.toString((long) canonical);
      case FLAG -> canonical != 0 ? "true" : "false";
      default -> String.valueOf(canonical);
    };
  }

  /** "time [s]", "count", "HardwareNode": how explain() and errors describe the type. */
  public String typeLabel() {
    return switch (shape) {
      case QUANTITY -> kind.label() + " [" + kind.canonicalSymbol() + "]";
      case INTEGER -> "count";
      case FLAG -> "flag";
      case TEXT -> "text";
      case OBJECT -> type.getSimpleName();
    };
  }

  /**
   * True when a value produced on {@code producer} can feed this port: same shape, same
   * dimension for quantities, assignable class for objects.
   */
  public boolean accepts(Port<?> producer) {
    if (producer.shape != shape) {
      return false;
    }
    return switch (shape) {
      case QUANTITY -> producer.kind == kind;
      case OBJECT -> type.isAssignableFrom(producer.type);
      default -> true;
    };
  }

  /** Applies the port's range; called at the edges (run, frame setters, test kit, study specs). */
  public void check(double value) {
    boolean ok = switch (bound) {
      case ANY -> true;
      case NON_NEGATIVE -> !(value < 0);
      case POSITIVE -> !(value <= 0);
    } && !(value > max);
    if (!ok) {
      throw new InvalidInputException(name, "input '" + name + "' must be " + domain() + ", got "
          + (shape == Shape.QUANTITY ? format(value) : Display.number(value))
          + (shape == Shape.QUANTITY ? " (a " + kind.label() + ", e.g. \"" + kind.example() + "\")" : ""));
    }
  }

  /** The accepted values in words: "positive", "zero or positive", "in (0, 1]", "at most 3". */
  public String domain() {
    boolean capped = max != Double.POSITIVE_INFINITY;
    String hi = !capped ? "" : shape == Shape.QUANTITY ? format(max) : Display.number(max);
    return switch (bound) {
      case ANY -> capped ? "at most " + hi : "any number";
      case NON_NEGATIVE -> capped ? "in [0, " + hi + "]" : "zero or positive";
      case POSITIVE -> capped ? "in (0, " + hi + "]" : "positive";
    };
  }

  private static String checkName(String name) {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("port name '" + name + "' must be snake_case "
          + "(lower-case letters, digits, underscores), e.g. target_latency");
    }
    return name;
  }

  @Override
  public String toString() {
    return name + ": " + typeLabel();
  }
}
