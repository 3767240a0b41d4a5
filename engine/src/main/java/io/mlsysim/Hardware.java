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

    public static final HardwareNode A100 = get("A100");
    public static final HardwareNode H100 = get("H100");
  }
}
