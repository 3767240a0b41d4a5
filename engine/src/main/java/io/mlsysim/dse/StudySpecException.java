package io.mlsysim.dse;

/**
 * A study spec the engine refuses: the message names the file (and line when known), the
 * field, the value and the fix. Thrown before any work starts.
 */
public class StudySpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public StudySpecException(String message) {
    super(message);
  }
}
