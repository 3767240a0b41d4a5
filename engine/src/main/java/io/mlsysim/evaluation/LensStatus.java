package io.mlsysim.evaluation;

/** The verdict of one lens of a scorecard. */
public enum LensStatus {
  PASS, FAIL, WARNING, SKIPPED;

  /** The worse of two verdicts (FAIL over WARNING over PASS); SKIPPED only when both are. */
  public LensStatus and(LensStatus other) {
    if (this == FAIL || other == FAIL) {
      return FAIL;
    }
    if (this == WARNING || other == WARNING) {
      return WARNING;
    }
    if (this == PASS || other == PASS) {
      return PASS;
    }
    return SKIPPED;
  }
}
