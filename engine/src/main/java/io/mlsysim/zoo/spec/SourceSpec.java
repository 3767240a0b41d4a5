package io.mlsysim.zoo.spec;

/** The YAML form of a provenance record. */
public class SourceSpec {
  public String kind;
  public String ref;
  public String url;
  public String verified;
  public String notes;
}
