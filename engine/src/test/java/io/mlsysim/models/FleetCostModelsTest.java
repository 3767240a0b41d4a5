package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Infrastructure;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.physics.Topology;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.testkit.ResolverContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-derived sustainability, economics, MoE routing, network roofline and topology checks. */
class FleetCostModelsTest {

  static void near(double expected, double actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-12, what);
  }

  static final double DAY = 86_400;
  static final double KWH = 3.6e6;

  /**
   * Frontier_8K (8192 H100, 700 W, 25,000 USD, 164 kg embodied) for 30 days at MFU 0.40 in
   * Quebec (20 gCO2e/kWh, PUE 1.06, WUE 0, no grid price → 0.12 USD/kWh).
   */
  @Test
  void energyCarbonWaterTcoInQuebec() {
    Fleet f = Systems.Clusters.FRONTIER_8K;
    double duration = 30 * DAY;
    SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(f, duration, 0.40,
        Infrastructure.Grids.QUEBEC);
    double power = 700 * (0.30 + 0.70 * 0.40);        // 406 W per chip
    double itKwh = power * 8192 * 30 * 24 / 1000.0;    // 2,394,685.44 kWh
    double facilityKwh = itKwh * 1.06;                 // PUE once: 2,538,366.5664 kWh
    near(power, s.chipPower(), "chip power");
    near(itKwh, s.itEnergy() / KWH, "IT energy");
    near(facilityKwh, s.facilityEnergy() / KWH, "facility energy");
    near(1.06, s.pue(), "Quebec PUE");
    assertEquals("grid", s.pueSource());
    near(facilityKwh * 20 / 1000, s.operationalCarbon(), "20 g/kWh → ≈ 50.8 t");
    near(164.0 * 8192, s.embodiedCarbon(), "embodied");
    near(facilityKwh * 20 / 1000 + 164.0 * 8192, s.totalCarbon(), "total");
    assertEquals(0, s.water(), 1e-9);

    EconomicsModel.EconomicsResult e = new EconomicsModel().solve(f, duration, s.facilityEnergy(),
        Infrastructure.Grids.QUEBEC, Double.NaN, Double.NaN, 1.0);
    double capex = 25_000.0 * 8192;                    // 204.8 M USD
    near(capex, e.capex(), "capex");
    near(capex * 30 / (3 * 365), e.capexForPeriod(), "30 days of a 3-year amortisation");
    near(capex * 0.05 * 30 / 365, e.maintenanceCost(), "5 %/year maintenance");
    near(facilityKwh * 0.12, e.energyCost(), "energy at the default 0.12 USD/kWh");
    near(capex * 30 / 1095 + facilityKwh * 0.12 + capex * 0.05 * 30 / 365, e.tco(), "TCO");
    assertEquals("default", e.priceSource());
    assertTrue(e.unitCostKnown());

    // The same job on the default US grid: 429 g/kWh and PUE 1.12 (still applied once).
    SustainabilityModel.SustainabilityResult us = new SustainabilityModel().solve(f, duration, 0.40,
        Infrastructure.Grids.US_AVG);
    near(itKwh * 1.12 * 429 / 1000, us.operationalCarbon(), "US carbon");
    near(itKwh * 1.12 * 1.8, us.water(), "US water 1.8 L/kWh");

    // An explicit price and a full-datacenter multiplier.
    EconomicsModel.EconomicsResult e2 = new EconomicsModel().solve(f, duration, s.facilityEnergy(),
        Infrastructure.Grids.QUEBEC, 0.05 / KWH, Double.NaN, 2.0);
    near(facilityKwh * 0.05, e2.energyCost(), "explicit price");
    near(2 * capex, e2.capex(), "infra multiplier");
    assertEquals("explicit", e2.priceSource());
  }

  @Test
  void datacenterPueWinsOverTheGrid() {
    Datacenter typical = new Datacenter("TypicalUS", Infrastructure.Grids.US_AVG, Infrastructure.Cooling.TYPICAL, null);
    SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(Systems.Clusters.RESEARCH_256, DAY,
        0.45, Infrastructure.Grids.US_AVG, typical);
    near(1.40, s.pue(), "cooling PUE");
    assertEquals("datacenter", s.pueSource());
    near(s.itEnergy() * 1.40, s.facilityEnergy(), "once");
  }

  static Fleet unpricedFleet() {
    HardwareNode chip = HardwareNode.builder("Unpriced").releaseYear(2024).compute(new ComputeCore(500e12))
        .memory(new MemoryHierarchy(96e9, 3e12)).tdp(600).build();
    Node node = new Node("UnpricedNode", chip, 4, 300e9, 4, 2, Double.NaN, Double.NaN, null);
    return new Fleet("UnpricedFleet", node, 16, Systems.Fabrics.INFINIBAND_NDR, null);
  }

  @Test
  void unknownUnitCostIsZeroWithAWarning() {
    Fleet f = unpricedFleet();
    SustainabilityModel.SustainabilityResult s = new SustainabilityModel().solve(f, DAY, 1.0,
        Infrastructure.Grids.US_AVG);
    assertFalse(s.embodiedKnown());
    assertEquals(0, s.embodiedCarbon());
    assertTrue(s.trace().stream().anyMatch(l -> l.contains("embodied carbon unknown")));

    EconomicsModel.EconomicsResult e = new EconomicsModel().solve(f, DAY, s.facilityEnergy(),
        Infrastructure.Grids.US_AVG, Double.NaN, Double.NaN, 1.0);
    assertFalse(e.unitCostKnown());
    assertEquals(0, e.capex());
    assertEquals(0, e.maintenanceCost());
    near(s.facilityEnergy() * 0.12 / KWH, e.tco(), "only energy remains");
    assertTrue(e.trace().get(0).startsWith("WARNING: unit cost unknown"), e.trace().toString());

    // A given unit cost prices it.
    EconomicsModel.EconomicsResult priced = new EconomicsModel().solve(f, DAY, s.facilityEnergy(),
        Infrastructure.Grids.US_AVG, Double.NaN, 10_000, 1.0);
    near(10_000.0 * 64, priced.capex(), "explicit unit cost");
  }

  /** Mixtral_8x7B, batch 8, S 2048, fp16, top-2, imbalance 1.5, ep 8 on Frontier_8K (inside a node). */
  @Test
  void moeRouting() {
    MoERoutingModel.MoERoutingResult r = new MoERoutingModel().solve(Workloads.Language.MIXTRAL_8X7B,
        Systems.Clusters.FRONTIER_8K, 8, 2048, Precision.FP16, 8, 1.5);
    near(3, r.moeEffectiveExperts(), "min(8, 2·1.5)");
    near(12.9e9 * 1.5, r.moeEffectiveActiveParams(), "active × 3/2");
    double payload = 8.0 * 2048 * 4096 * 2 * 2 * 1.5;  // 402.65 MB
    near(payload, r.moePayload(), "payload");
    near(payload * 7 / 8, r.moeDispatchBytes(), "dispatch");
    near(7.0 / 8 * payload / 450e9 + 7 * 500e-9, r.moeAllToAllLatency(), "all-to-all on NVLink");
    // Imbalance cannot exceed the expert count: min(8, 2·10) = 8.
    near(8, new MoERoutingModel().solve(Workloads.Language.MIXTRAL_8X7B, Systems.Clusters.FRONTIER_8K, 8, 2048,
        Precision.FP16, 1, 10).moeEffectiveExperts(), "capped");
    assertThrows(IllegalArgumentException.class, () -> new MoERoutingModel().solve(Workloads.Language.LLAMA3_8B,
        Systems.Clusters.FRONTIER_8K, 8, 2048, Precision.FP16, 1, 1));
  }

  /** Llama3_70B on Frontier_8K: 8192 × 989 TFLOP/s vs 2·P·2 B over 50 GB/s. */
  @Test
  void networkRoofline() {
    NetworkRooflineModel.NetworkRooflineResult r = new NetworkRooflineModel().solve(Workloads.Language.LLAMA3_70B,
        Systems.Clusters.FRONTIER_8K, Precision.FP16, 0.5);
    double fleet = 989e12 * 8192;
    near(fleet, r.fleetPeakFlops(), "fleet peak");
    near(6 * 70.6e9 / (fleet * 0.5), r.networkComputeTime(), "6P on the fleet");
    near(2 * 70.6e9 * 2 / 50e9, r.networkSyncTime(), "2·P·b over NDR");
    assertEquals("Network", r.networkBottleneck());
    near(fleet / 50e9, r.networkRidgePoint(), "ridge");
  }

  @Test
  void topologyShapes() {
    TopologyModel m = new TopologyModel();
    TopologyModel.TopologyResult ft = m.solve(Topology.Shape.FAT_TREE, 64, 50e9, 1);
    near(1, ft.bisectionFraction(), "fat tree");
    near(50e9 * 64 / 2, ft.bisectionBandwidth(), "full bisection");
    near(4, ft.averageHops(), "fat tree hops");
    TopologyModel.TopologyResult torus = m.solve(Topology.Shape.TORUS_3D, 64, 50e9, 2);
    near(2 * Math.pow(64, -1.0 / 3), torus.bisectionFraction(), "torus 2·N^-1/3 = 0.5");
    near(50e9 * 0.5 / 2, torus.topologyEffectiveBandwidth(), "oversubscribed");
    near(0.75 * 4, torus.averageHops(), "0.75·N^1/3");
    near(2.0 / 64, m.solve(Topology.Shape.RING, 64, 50e9, 1).bisectionFraction(), "ring");
    near(0.85, m.solve(Topology.Shape.DRAGONFLY, 64, 50e9, 1).bisectionFraction(), "dragonfly");
  }

  // ---- the contract, on every resolver ----

  static final Map<String, Object> TRAINING = Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K",
      "batch", 1024, "tp", 8, "pp", 4, "microbatch_size", 2);

  @Test
  void contracts() {
    ResolverContract.check(new TrainingMemoryModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "batch", 8, "seq_len", 1024, "activation_checkpointing", "selective"));
    ResolverContract.check(new DistributedModel(), TRAINING);
    ResolverContract.check(new NetworkRooflineModel(), Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K"));
    ResolverContract.check(new MoERoutingModel(), Map.of("workload", "Mixtral_8x7B", "fleet", "Frontier_8K",
        "batch", 8, "ep", 8));
    ResolverContract.check(new TopologyModel(), Map.of("link_bandwidth", "400 Gbps", "topology", "torus_3d"));
    ResolverContract.check(new SustainabilityModel(), Map.of("fleet", "Research_256", "duration", 86_400.0,
        "mfu", 0.45, "grid", "Quebec"));
    ResolverContract.check(new EconomicsModel(), Map.of("fleet", "Research_256", "duration", 86_400.0,
        "facility_energy", 1e10));
  }

  @Test
  void discoveredAsBuiltIns() {
    java.util.Set<String> names = io.mlsysim.core.plugin.ResolverFactory.standard().listAvailable().keySet();
    for (String n : List.of("TrainingMemoryModel", "DistributedModel", "NetworkRooflineModel", "MoERoutingModel",
        "TopologyModel", "SustainabilityModel", "EconomicsModel")) {
      assertTrue(names.contains(n), n + " missing from " + names);
    }
  }

  @Test
  void tracesSayWhatBound() {
    DistributedModel.DistributedResult r = new DistributedModel().solve(TrainingJob.of(Workloads.Language.LLAMA3_70B)
        .batch(1024).seqLen(2048).precision(Precision.FP16).tp(8).pp(4).build(), Systems.Clusters.FRONTIER_8K);
    String trace = String.join("\n", r.trace());
    assertTrue(trace.contains("Memory Wall: Passed ("), trace);
    // tp 8 fills a DGX node; Megatron's order puts dp members tp apart, so each on its own node
    assertTrue(trace.contains("tp_comm") && trace.contains("(inside a node, 450 GB/s per direction)"), trace);
    assertTrue(trace.contains("dp_comm") && trace.contains("(across nodes on InfiniBand_NDR"), trace);
    assertTrue(trace.contains("bubble"), trace);
    assertFalse(trace.contains("ep_comm"), "no EP group, no EP line: " + trace);
    // the golden case read as the reference does (fp16 gradients, the batch as one micro-batch)
    TrainingMemoryModel.TrainingMemoryResult m = new TrainingMemoryModel().solve(TrainingJob.of(
        Workloads.Language.LLAMA3_8B).batch(8).microbatchSize(8).seqLen(1024).precision(Precision.FP16)
        .gradientPrecision(Precision.FP16).build(), io.mlsysim.Hardware.Cloud.H100);
    assertTrue(m.trace().get(0).startsWith("Memory Wall: FAILED (165.8 GB of 85.9 GB"), m.trace().toString());
  }

  // ---- validation, through the ports and through direct calls ----

  @Test
  void validationNamesTheInput() {
    DistributedModel d = new DistributedModel();
    ResolverContract.assertRejects(d, with(TRAINING, "tp", 3), "tp", "64 attention heads", "divisor");
    ResolverContract.assertRejects(d, with(TRAINING, "straggler_factor", 0.5), "straggler_factor", ">= 1");
    ResolverContract.assertRejects(d, with(TRAINING, "precision", "int8"), "precision", "int8", "bf16");
    ResolverContract.assertRejects(d, with(TRAINING, "precision", "fp7"), "precision", "fp16");
    ResolverContract.assertRejects(d, with(TRAINING, "batch", 0), "batch");
    ResolverContract.assertRejects(d, with(TRAINING, "seq_len", -5), "seq_len");
    ResolverContract.assertRejects(new TrainingMemoryModel(), Map.of("workload", "Llama3_8B", "hardware", "H100",
        "optimizer", "lion"), "optimizer", "adam");
    ResolverContract.assertRejects(new TrainingMemoryModel(), Map.of("workload", "ResNet50", "hardware", "H100"),
        "workload", "transformer");

    // Direct calls run the same checks.
    IllegalArgumentException div = assertThrows(IllegalArgumentException.class, () -> d.solve(
        TrainingJob.of(Workloads.Language.LLAMA3_70B).batch(1024).tp(8).pp(3).build(), Systems.Clusters.FRONTIER_8K));
    assertTrue(div.getMessage().contains("tp × pp = 8 × 3 = 24") && div.getMessage().contains("8192"),
        div.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () ->
        TrainingJob.of(Workloads.Language.LLAMA3_70B).batch(0).build());
    assertTrue(batch.getMessage().contains("batch"), batch.getMessage());
    IllegalArgumentException seq = assertThrows(IllegalArgumentException.class, () ->
        TrainingJob.of(Workloads.Language.LLAMA3_8B).seqLen(0).build());
    assertTrue(seq.getMessage().contains("seq_len"), seq.getMessage());
    IllegalArgumentException mfu = assertThrows(IllegalArgumentException.class, () -> new SustainabilityModel()
        .solve(Systems.Clusters.FRONTIER_8K, DAY, 1.5, Infrastructure.Grids.US_AVG));
    assertTrue(mfu.getMessage().contains("mfu"), mfu.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp7"));
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new java.util.HashMap<>(base);
    m.put(key, value);
    return m;
  }
}
