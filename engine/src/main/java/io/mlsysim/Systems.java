package io.mlsysim;

import io.mlsysim.systems.ComponentReliability;
import io.mlsysim.systems.Fabric;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.systems.Pod;
import io.mlsysim.systems.Rack;
import io.mlsysim.systems.RecoveryPhase;
import io.mlsysim.systems.StorageTier;
import io.mlsysim.zoo.Zoo;

/**
 * The systems zoo: {@code Systems.fleet("frontier_8k")} (any case) or
 * {@code Systems.Clusters.FRONTIER_8K}. Constants are built-in entries; the getters also see user
 * overlays.
 */
public final class Systems {
  private Systems() {}

  public static Node node(String name) {
    return Zoo.current().nodes().get(name);
  }

  public static Fabric fabric(String name) {
    return Zoo.current().fabrics().get(name);
  }

  public static Fleet fleet(String name) {
    return Zoo.current().fleets().get(name);
  }

  public static Rack rack(String name) {
    return Zoo.current().racks().get(name);
  }

  public static Pod pod(String name) {
    return Zoo.current().pods().get(name);
  }

  public static StorageTier storage(String name) {
    return Zoo.current().storage().get(name);
  }

  public static ComponentReliability reliability(String name) {
    return Zoo.current().reliability().get(name);
  }

  public static RecoveryPhase recovery(String name) {
    return Zoo.current().recovery().get(name);
  }

  /** Servers. */
  public static final class Nodes {
    private Nodes() {}

    public static final Node DGX_H100 = node("DGX_H100");
    public static final Node DGX_A100 = node("DGX_A100");
    public static final Node DGX_B200 = node("DGX_B200");
    public static final Node KEMPNER_H100_4GPU = node("Kempner_H100_4GPU");
    public static final Node DGX_A100_80GB_SELENE = node("DGX_A100_80GB_Selene");
  }

  /** Inter-node networks. */
  public static final class Fabrics {
    private Fabrics() {}

    public static final Fabric ETHERNET_10G = fabric("Ethernet_10G");
    public static final Fabric ETHERNET_100G = fabric("Ethernet_100G");
    public static final Fabric ETHERNET_400G = fabric("Ethernet_400G");
    public static final Fabric ETHERNET_800G = fabric("Ethernet_800G");
    public static final Fabric ETHERNET_1P6T = fabric("Ethernet_1P6T");
    public static final Fabric ROCE_100G = fabric("RoCE_100G");
    public static final Fabric INFINIBAND_HDR = fabric("InfiniBand_HDR");
    public static final Fabric INFINIBAND_NDR = fabric("InfiniBand_NDR");
    public static final Fabric INFINIBAND_XDR = fabric("InfiniBand_XDR");
    public static final Fabric INFINIBAND_GXDR = fabric("InfiniBand_GXDR");
  }

  /** Fleets of identical nodes. */
  public static final class Clusters {
    private Clusters() {}

    public static final Fleet RESEARCH_256 = fleet("Research_256");
    public static final Fleet LAB_64_H100 = fleet("Lab_64_H100");
    public static final Fleet TRAINING_512_H100 = fleet("Training_512_H100");
    public static final Fleet TRAINING_1K = fleet("Training_1K");
    public static final Fleet TRAINING_1K_A100 = fleet("Training_1K_A100");
    public static final Fleet PRODUCTION_2K = fleet("Production_2K");
    public static final Fleet FRONTIER_8K = fleet("Frontier_8K");
    public static final Fleet TRAINING_10K = fleet("Training_10K");
    public static final Fleet REFERENCE_25K_H100 = fleet("Reference_25K_H100");
    public static final Fleet KEMPNER_H100_384 = fleet("Kempner_H100_384");
    public static final Fleet MEGA_100K = fleet("Mega_100K");
    // The GPU counts of the Megatron-LM weak-scaling runs (Narayanan et al. 2021, Table 1).
    public static final Fleet SELENE_32 = fleet("Selene_32");
    public static final Fleet SELENE_64 = fleet("Selene_64");
    public static final Fleet SELENE_128 = fleet("Selene_128");
    public static final Fleet SELENE_256 = fleet("Selene_256");
    public static final Fleet SELENE_512 = fleet("Selene_512");
    public static final Fleet SELENE_1024 = fleet("Selene_1024");
    public static final Fleet SELENE_1536 = fleet("Selene_1536");
    public static final Fleet SELENE_1920 = fleet("Selene_1920");
    public static final Fleet SELENE_2520 = fleet("Selene_2520");
    public static final Fleet SELENE_3072 = fleet("Selene_3072");
  }

  /** Racks. */
  public static final class Racks {
    private Racks() {}

    public static final Rack DGX_H100_4NODE = rack("DGX_H100_4Node");
  }

  /** Pods of chips. */
  public static final class Pods {
    private Pods() {}

    public static final Pod TPUV4_4096 = pod("TPUv4_4096");
  }

  /** Storage classes. */
  public static final class Storage {
    private Storage() {}

    public static final StorageTier HDD = storage("HDD");
    public static final StorageTier SATA_SSD = storage("SATA_SSD");
    public static final StorageTier NVME_GEN3 = storage("NVMe_Gen3");
    public static final StorageTier CLOUDBLOCK = storage("CloudBlock");
    public static final StorageTier OBJECTSTORE = storage("ObjectStore");
    public static final StorageTier PARALLELFS = storage("ParallelFS");
  }

  /** Component mean times to failure. */
  public static final class Reliability {
    private Reliability() {}

    public static final ComponentReliability GPU = reliability("GPU");
    public static final ComponentReliability NIC = reliability("NIC");
    public static final ComponentReliability PSU = reliability("PSU");
    public static final ComponentReliability PCIE_SWITCH = reliability("PCIe_Switch");
    public static final ComponentReliability OPTICAL_CABLE = reliability("Optical_Cable");
    public static final ComponentReliability TOR_SWITCH = reliability("ToR_Switch");
    public static final ComponentReliability HBM = reliability("HBM");
  }

  /** Phases of failure recovery. */
  public static final class Recovery {
    private Recovery() {}

    public static final RecoveryPhase DETECTION = recovery("Detection");
    public static final RecoveryPhase RESTART = recovery("Restart");
    public static final RecoveryPhase WARMUP = recovery("Warmup");
  }
}
