package io.mlsysim.models;

import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Link;
import io.mlsysim.hardware.LinkDirection;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.StorageSpec;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.workloads.Workload;
import io.mlsysim.workloads.WorkloadTier;

/** Hand-made workloads and devices with round numbers, so tests can derive results by hand. */
public final class OpsFixtures {
  private OpsFixtures() {}

  public static final double HOUR = 3600;

  /** 8e9 parameters, no registry FLOP figure (so 2·P per inference), no explicit size. */
  public static Workload eightBillion() {
    return new Workload("Tiny8B", WorkloadTier.LANGUAGE, 8e9, Double.NaN, Double.NaN, 32,
        Provenance.convention("test", "test fixture"));
  }

  /** Neither parameters nor size nor FLOP: nothing to size. */
  public static Workload shapeless() {
    return new Workload("Nothing", WorkloadTier.LANGUAGE, Double.NaN, Double.NaN, Double.NaN, 0,
        Provenance.convention("test", "test fixture"));
  }

  /** A device with the given storage and host-link bandwidths (NaN or ≤ 0 leaves one out). */
  public static HardwareNode device(double storageBw, double linkBw, LinkDirection direction) {
    HardwareNode.Builder b = HardwareNode.builder("TestDevice").releaseYear(2024)
        .compute(new ComputeCore(100e12)).memory(new MemoryHierarchy(80e9, 2e12));
    if (storageBw > 0) {
      b.storage(new StorageSpec(2e12, storageBw, Double.NaN));
    }
    if (linkBw > 0) {
      b.interconnect(new Link("link", linkBw, 1e-6, direction));
    }
    return b.build();
  }
}
