package io.mlsysim.units;

/** A value that is not a quantity of the kind its field needs. The message names field, value and fix. */
public class UnitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String value;

  public UnitException(String field, String value, String message) {
    super(message);
    this.field = field;
    this.value = value;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }
}
