package io.mlsysim.dse;

/**
 * A result column: snake_case name with the unit as suffix where it helps ({@code step_time_s}),
 * the SI value, its unit symbol for column metadata ("" for plain numbers, flags and counts), and
 * what kind of value it holds, which decides its column type in tables.
 */
public record ResultField(String name, String unit, String description, Type type) implements java.io.Serializable {
  /** What a result holds. Evaluations carry every result as a double; tables store it as this. */
  public enum Type {
    /** A real number (a quantity in SI, a ratio): a double column. */
    REAL,
    /** A count (a degree of parallelism, micro-batches): a long column. */
    INTEGER,
    /** A yes/no answer: a boolean column. */
    FLAG
  }

  /** A real-valued result. */
  public ResultField(String name, String unit, String description) {
    this(name, unit, description, Type.REAL);
  }
}
