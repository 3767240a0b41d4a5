package io.mlsysim;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.zoo.Zoo;
import java.util.List;

/**
 * The hardware zoo: {@code Hardware.get("h100")} (any case) or {@code Hardware.Cloud.H100}.
 * Constants are built-in entries; {@link #get} also sees user overlays.
 */
public final class Hardware {
  private Hardware() {}

  public static HardwareNode get(String name) {
    return Zoo.current().hardware().get(name);
  }

  public static List<HardwareNode> list() {
    return Zoo.current().hardware().list();
  }

  /** Entries of a tier: cloud, workstation, mobile, edge or tiny. */
  public static List<HardwareNode> list(String tier) {
    return Zoo.current().hardware().list(tier);
  }

  /** Datacenter accelerators. */
  public static final class Cloud {
    private Cloud() {}

    public static final HardwareNode V100 = get("V100");
    public static final HardwareNode V100_PCIE = get("V100_PCIe");
    public static final HardwareNode A100 = get("A100");
    public static final HardwareNode H100 = get("H100");
    public static final HardwareNode H200 = get("H200");
    public static final HardwareNode B200 = get("B200");
    public static final HardwareNode GB200_NVL72 = get("GB200_NVL72");
    public static final HardwareNode MI300X = get("MI300X");
    public static final HardwareNode MI250X = get("MI250X");
    public static final HardwareNode GAUDI2 = get("Gaudi2");
    public static final HardwareNode GAUDI3 = get("Gaudi3");
    public static final HardwareNode TRAINIUM2 = get("Trainium2");
    public static final HardwareNode TPUV1 = get("TPUv1");
    public static final HardwareNode TPUV2 = get("TPUv2");
    public static final HardwareNode TPUV3 = get("TPUv3");
    public static final HardwareNode TPUV4 = get("TPUv4");
    public static final HardwareNode TPUV5P = get("TPUv5p");
    public static final HardwareNode TPUV6 = get("TPUv6");
    public static final HardwareNode T4 = get("T4");
    public static final HardwareNode CEREBRAS_CS3 = get("Cerebras_CS3");
    public static final HardwareNode GROQ_LPU = get("Groq_LPU");
    public static final HardwareNode DMATRIX_CORSAIR = get("DMatrix_Corsair");
    public static final HardwareNode GRAPHCORE_GC200 = get("Graphcore_GC200");
    public static final HardwareNode UNTETHER_SPEEDAI240 = get("Untether_speedAI240");
    public static final HardwareNode INTELSGX = get("IntelSGX");
    public static final HardwareNode REFERENCECPU = get("ReferenceCPU");
  }

  /** Desktops, laptops and the generic server baseline. */
  public static final class Workstation {
    private Workstation() {}

    public static final HardwareNode DGX_SPARK = get("DGX_Spark");
    public static final HardwareNode MACBOOKM3MAX = get("MacBookM3Max");
    public static final HardwareNode GENERICSERVER = get("GenericServer");
  }

  /** Phone and tablet systems-on-chip. */
  public static final class Mobile {
    private Mobile() {}

    public static final HardwareNode IPHONE15PRO = get("iPhone15Pro");
    public static final HardwareNode PIXEL8 = get("Pixel8");
    public static final HardwareNode SNAPDRAGON8GEN3 = get("Snapdragon8Gen3");
    public static final HardwareNode APPLEM2 = get("AppleM2");
  }

  /** Embedded and automotive modules. */
  public static final class Edge {
    private Edge() {}

    public static final HardwareNode JETSONAGXORIN = get("JetsonAGXOrin");
    public static final HardwareNode JETSONORINNX = get("JetsonOrinNX");
    public static final HardwareNode JETSONORINNANO = get("JetsonOrinNano");
    public static final HardwareNode CORAL = get("Coral");
    public static final HardwareNode NUC_MOVIDIUS = get("NUC_Movidius");
    public static final HardwareNode DRIVETHOR = get("DriveThor");
    public static final HardwareNode ROBOTAXI = get("RoboTaxi");
  }

  /** Microcontrollers and always-on sensors. */
  public static final class Tiny {
    private Tiny() {}

    public static final HardwareNode ESP32_S3 = get("ESP32_S3");
    public static final HardwareNode NRF52840 = get("nRF52840");
    public static final HardwareNode HIMAXWE1 = get("HimaxWE1");
    public static final HardwareNode OURARING = get("OuraRing");
    public static final HardwareNode LOCKSTEPSAFETYMCU_REFERENCE = get("LockstepSafetyMCU_Reference");
  }
}
