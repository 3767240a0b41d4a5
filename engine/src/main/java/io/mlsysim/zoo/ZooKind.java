package io.mlsysim.zoo;

import io.mlsysim.zoo.spec.HardwareSpec;
import io.mlsysim.zoo.spec.InfrastructureSpecs;
import io.mlsysim.zoo.spec.ScenarioSpec;
import io.mlsysim.zoo.spec.SystemSpecs;
import io.mlsysim.zoo.spec.WorkloadSpec;
import java.util.Locale;

/** The kinds of zoo file, in the order they must load (later kinds refer to earlier ones). */
enum ZooKind {
  HARDWARE(HardwareSpec.class, "cloud"),
  WORKLOAD(WorkloadSpec.class, "language"),
  NODE(SystemSpecs.NodeSpec.class, "nodes"),
  FABRIC(SystemSpecs.FabricSpec.class, "fabrics"),
  FLEET(SystemSpecs.FleetSpec.class, "clusters"),
  RACK(SystemSpecs.RackSpec.class, "racks"),
  POD(SystemSpecs.PodSpec.class, "pods"),
  STORAGE(SystemSpecs.StorageTierSpec.class, "storage"),
  RELIABILITY(SystemSpecs.ReliabilitySpec.class, "reliability"),
  RECOVERY(SystemSpecs.RecoverySpec.class, "recovery"),
  GRID(InfrastructureSpecs.GridSpec.class, "grids"),
  COOLING(InfrastructureSpecs.CoolingSpec.class, "cooling"),
  DATACENTER(InfrastructureSpecs.DatacenterSpec.class, "datacenters"),
  PRICE(InfrastructureSpecs.PriceSpec.class, "pricing"),
  SCENARIO(ScenarioSpec.class, "scenarios");

  private final Class<?> specClass;
  private final String defaultTier;

  ZooKind(Class<?> specClass, String defaultTier) {
    this.specClass = specClass;
    this.defaultTier = defaultTier;
  }

  Class<?> specClass() {
    return specClass;
  }

  String defaultTier() {
    return defaultTier;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ZooKind parse(String origin, String text) {
    for (ZooKind k : values()) {
      if (k.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return k;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (ZooKind k : values()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(k.id());
    }
    throw new ZooException(origin + ": 'kind' is '" + text + "'; use one of " + allowed);
  }
}
