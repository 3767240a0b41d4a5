package io.mlsysim.dse;

/** What a study input holds, which decides how its values are checked and stored. */
public enum InputKind {
  /** A hardware entry of the zoo. */
  HARDWARE(true),
  /** A workload (ML model) of the zoo. */
  WORKLOAD(true),
  /** A fleet (cluster) of the zoo. */
  FLEET(true),
  /** A grid region of the zoo. */
  REGION(true),
  /** A numeric precision: fp32, bf16, fp8 … */
  PRECISION(true),
  /** One of a resolver's enum values (optimizer, checkpointing …), checked by its port. */
  CHOICE(true),
  /** An integer such as a parallelism degree or a batch size. */
  INTEGER(false),
  /** A real number such as an efficiency. */
  REAL(false);

  private final boolean categorical;

  InputKind(boolean categorical) {
    this.categorical = categorical;
  }

  public boolean categorical() {
    return categorical;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
