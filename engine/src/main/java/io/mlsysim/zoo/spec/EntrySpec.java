package io.mlsysim.zoo.spec;

/** Fields every zoo entry may carry. */
public abstract class EntrySpec {
  /** Where the numbers come from; required. */
  public SourceSpec source;
  /** An overlay must say so to replace a built-in entry of the same name. */
  public boolean override;
  /** Free text for listings. */
  public String description;
}
