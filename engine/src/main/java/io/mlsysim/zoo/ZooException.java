package io.mlsysim.zoo;

/** A zoo or overlay file that cannot be loaded; the message starts with "file:line:". */
public class ZooException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ZooException(String message) {
    super(message);
  }

  public ZooException(String message, Throwable cause) {
    super(message, cause);
  }
}
