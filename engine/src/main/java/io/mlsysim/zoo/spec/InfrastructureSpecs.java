package io.mlsysim.zoo.spec;

/** YAML forms of the infrastructure zoo: grids, cooling, datacenters, prices. */
public final class InfrastructureSpecs {
  private InfrastructureSpecs() {}

  /** A regional grid. */
  public static class GridSpec extends EntrySpec {
    public String displayName;
    public QText carbonIntensity;
    public Double pue;
    public QText wue;
    public String sourceMix;
    public Double renewableFraction;
    public QText electricityPrice;
  }

  /** A cooling technology. */
  public static class CoolingSpec extends EntrySpec {
    public Double pue;
    public QText wue;
  }

  /** A site. */
  public static class DatacenterSpec extends EntrySpec {
    public String grid;
    public String cooling;
  }

  /** One price. */
  public static class PriceSpec extends EntrySpec {
    public QText value;
  }
}
