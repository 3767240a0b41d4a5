package io.mlsysim.zoo.spec;

/** YAML forms of the systems zoo: nodes, fabrics, fleets, racks, pods, storage, reliability. */
public final class SystemSpecs {
  private SystemSpecs() {}

  /** A server. */
  public static class NodeSpec extends EntrySpec {
    public String accelerator;
    public Integer acceleratorsPerNode;
    public QText intraNodeBandwidth;
    public Integer nicsPerNode;
    public Integer psusPerNode;
    public QText hostMemory;
    public QText unitCost;
  }

  /** An inter-node network. */
  public static class FabricSpec extends EntrySpec {
    public QText bandwidth;
    public QText latency;
    public String topology;
    public Double oversubscription;
  }

  /** A cluster of identical nodes. */
  public static class FleetSpec extends EntrySpec {
    public String node;
    public Integer nodes;
    public String fabric;
  }

  /** A rack. */
  public static class RackSpec extends EntrySpec {
    public String node;
    public Integer nodes;
    public QText acceleratorPower;
    public QText otherPower;
  }

  /** A pod of chips. */
  public static class PodSpec extends EntrySpec {
    public String accelerator;
    public Integer chips;
    public QText memory;
    public QText power;
  }

  /** A class of storage. */
  public static class StorageTierSpec extends EntrySpec {
    public QText bandwidth;
  }

  /** A component's mean time to failure. */
  public static class ReliabilitySpec extends EntrySpec {
    public QText mttf;
  }

  /** A phase of recovery after a failure. */
  public static class RecoverySpec extends EntrySpec {
    public QText duration;
  }
}
