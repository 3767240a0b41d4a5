package io.mlsysim.core;

/**
 * An input a resolver cannot use: missing, of the wrong type, or outside its port's range. The
 * message always names the port so a user knows which value to fix.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String port;

  public InvalidInputException(String port, String message) {
    super(message);
    this.port = port;
  }

  /** Name of the offending port. */
  public String port() {
    return port;
  }
}
