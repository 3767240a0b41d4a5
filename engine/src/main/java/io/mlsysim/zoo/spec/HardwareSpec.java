package io.mlsysim.zoo.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The YAML form of a {@link io.mlsysim.hardware.HardwareNode}. */
public class HardwareSpec extends EntrySpec {
  public Integer releaseYear;
  public Compute compute;
  public Memory memory;
  public Storage storage;
  public LinkSpec interconnect;
  public LinkSpec nvlink;
  public QText tdp;
  public QText tdpMin;
  public QText tdpMax;
  public QText batteryCapacity;
  public QText unitCost;
  public QText unitCostMax;
  public Integer acceleratorCount;
  public QText embodiedCarbon;
  public QText dispatchTax;

  /** Compute rates. */
  public static class Compute {
    public QText peakFlops;
    public Map<String, QText> precisionFlops = new LinkedHashMap<>();
    public Integer smCount;
  }

  /** Memory tiers. */
  public static class Memory {
    public QText capacity;
    public QText bandwidth;
    public QText sramCapacity;
    public QText sramBandwidth;
    public QText flashCapacity;
    public QText flashBandwidth;
    public QText l2Cache;
  }

  /** Local storage. */
  public static class Storage {
    public QText capacity;
    public QText bandwidth;
    public QText latency;
  }

  /** A link. */
  public static class LinkSpec {
    public String name;
    public QText bandwidth;
    public QText latency;
    public String direction;
  }
}
