package io.mlsysim.physics;

/** Which roofline limit sets the time of an evaluation. */
public enum Bottleneck {
  COMPUTE("Compute"),
  MEMORY("Memory");

  private final String label;

  Bottleneck(String label) {
    this.label = label;
  }

  /** The label used in results and trace lines ("Compute", "Memory"). */
  public String label() {
    return label;
  }
}
