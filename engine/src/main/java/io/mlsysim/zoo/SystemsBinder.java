package io.mlsysim.zoo;

import static io.mlsysim.units.QuantityKind.DATA_RATE;
import static io.mlsysim.units.QuantityKind.DATA_SIZE;
import static io.mlsysim.units.QuantityKind.MONEY;
import static io.mlsysim.units.QuantityKind.POWER;
import static io.mlsysim.units.QuantityKind.TIME;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.systems.ComponentReliability;
import io.mlsysim.systems.Fabric;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.systems.Pod;
import io.mlsysim.systems.Rack;
import io.mlsysim.systems.RecoveryPhase;
import io.mlsysim.systems.StorageTier;
import io.mlsysim.systems.Topology;
import io.mlsysim.zoo.spec.SystemSpecs;

/** Binds nodes, fabrics, fleets, racks, pods, storage tiers and reliability figures. */
final class SystemsBinder {
  private SystemsBinder() {}

  static Node node(EntryContext c, SystemSpecs.NodeSpec s, Registry<HardwareNode> hardware) {
    HardwareNode acc = c.resolve(hardware, "accelerator", s.accelerator);
    int per = c.positive("accelerators_per_node", s.acceleratorsPerNode);
    double intra = c.positive("intra_node_bandwidth", c.required("intra_node_bandwidth", s.intraNodeBandwidth, DATA_RATE));
    return new Node(c.name(), acc, per, intra,
        s.nicsPerNode == null ? 1 : c.positive("nics_per_node", s.nicsPerNode),
        s.psusPerNode == null ? 2 : c.positive("psus_per_node", s.psusPerNode),
        c.positiveIfPresent("host_memory", c.optional("host_memory", s.hostMemory, DATA_SIZE)),
        c.positiveIfPresent("unit_cost", c.optional("unit_cost", s.unitCost, MONEY)),
        c.provenance(s.source));
  }

  static Fabric fabric(EntryContext c, SystemSpecs.FabricSpec s) {
    double over = s.oversubscription == null ? 1.0 : s.oversubscription;
    c.check(over >= 1, "oversubscription must be at least 1, got " + over);
    Topology topology;
    try {
      topology = s.topology == null ? Topology.FAT_TREE : Topology.parse("topology", s.topology);
    } catch (IllegalArgumentException e) {
      throw c.error(0, e.getMessage());
    }
    return new Fabric(c.name(), c.positive("bandwidth", c.required("bandwidth", s.bandwidth, DATA_RATE)),
        c.required("latency", s.latency, TIME), topology, over, c.provenance(s.source));
  }

  static Fleet fleet(EntryContext c, SystemSpecs.FleetSpec s, Registry<Node> nodes, Registry<Fabric> fabrics) {
    return new Fleet(c.name(), c.resolve(nodes, "node", s.node), c.positive("nodes", s.nodes),
        c.resolve(fabrics, "fabric", s.fabric), c.provenance(s.source));
  }

  static Rack rack(EntryContext c, SystemSpecs.RackSpec s, Registry<Node> nodes) {
    return new Rack(c.name(), c.resolve(nodes, "node", s.node), c.positive("nodes", s.nodes),
        c.positive("accelerator_power", c.required("accelerator_power", s.acceleratorPower, POWER)),
        c.positive("other_power", c.required("other_power", s.otherPower, POWER)), c.provenance(s.source));
  }

  static Pod pod(EntryContext c, SystemSpecs.PodSpec s, Registry<HardwareNode> hardware) {
    return new Pod(c.name(), c.resolve(hardware, "accelerator", s.accelerator), c.positive("chips", s.chips),
        c.positive("memory", c.required("memory", s.memory, DATA_SIZE)),
        c.positive("power", c.required("power", s.power, POWER)), c.provenance(s.source));
  }

  static StorageTier storage(EntryContext c, SystemSpecs.StorageTierSpec s) {
    return new StorageTier(c.name(), c.positive("bandwidth", c.required("bandwidth", s.bandwidth, DATA_RATE)),
        c.provenance(s.source));
  }

  static ComponentReliability reliability(EntryContext c, SystemSpecs.ReliabilitySpec s) {
    return new ComponentReliability(c.name(), c.positive("mttf", c.required("mttf", s.mttf, TIME)),
        c.provenance(s.source));
  }

  static RecoveryPhase recovery(EntryContext c, SystemSpecs.RecoverySpec s) {
    return new RecoveryPhase(c.name(), c.positive("duration", c.required("duration", s.duration, TIME)),
        c.provenance(s.source));
  }
}
