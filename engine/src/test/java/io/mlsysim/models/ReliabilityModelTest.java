package io.mlsysim.models;

import static io.mlsysim.models.OpsFixtures.HOUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityModelTest {

  @Test
  void frontier8kByHand() {
    // Frontier_8K: 1024 DGX_H100 nodes of 8 GPUs. The model counts 1 NIC and 2 PSUs per node
    // (reference defaults), with MTTFs GPU 50,000 h, NIC 150,000 h, PSU 100,000 h.
    // node rate = 8/50000 + 1/150000 + 2/100000 = 1.6e-4 + 6.667e-6 + 2e-5 = 1.86667e-4 /h
    double node = 1 / (8 / 50_000.0 + 1 / 150_000.0 + 2 / 100_000.0) * HOUR; // 5357.14 h
    double fleet = node / 1024;                                               // 5.2316 h
    double job = 30 * 24 * HOUR;                                              // 30 days
    double tau = Math.sqrt(2 * 60 * fleet);                                   // ≈ 1503 s ≈ 25 min
    double goodput = 1 - 60 / tau - 300 / fleet;                              // ≈ 0.944
    ResultView v = ResolverContract.check(new ReliabilityModel(),
        Map.of("fleet", "Frontier_8K", "duration", "30 days"));
    assertEquals(node, v.field("node_mtbf").number(), 1e-6);
    assertEquals(5357.142857, v.field("node_mtbf").inDisplayUnit(), 1e-5); // shown in hours
    assertEquals(fleet, v.field("fleet_mtbf").number(), 1e-9);
    assertEquals(5.2316, v.field("fleet_mtbf").inDisplayUnit(), 1e-4);
    assertEquals(job / fleet, v.field("expected_failures").number(), 1e-9);
    assertEquals(137.6, v.field("expected_failures").number(), 0.05);
    assertEquals(1 - Math.exp(-job / fleet), v.field("failure_probability").number(), 1e-15);
    assertEquals(tau, v.field("young_daly_interval").number(), 1e-9);
    assertEquals(1503.3, tau, 0.1);
    assertEquals(goodput, v.field("goodput").number(), 1e-12);
    assertEquals(0.9442, goodput, 1e-4);
    double a = fleet / (fleet + 300);
    assertEquals(a, v.field("fleet_availability").number(), 1e-15);
    assertEquals(a, v.field("replicated_availability").number(), 1e-15, "one replica by default");
    assertTrue(String.join("\n", v.trace()).contains("Fragility Wall: Passed"), v.trace().toString());
  }

  @Test
  void nodeComponentsCorrelationAndReplicasAreInputs() {
    ReliabilityModel.ReliabilityResult r = ReliabilityModel.solve(8, 1024, 24 * HOUR, 50_000 * HOUR, 8,
        150_000 * HOUR, 2, 100_000 * HOUR, 0.5, 60, 300, 0.9, 3);
    double node = 1 / (8 / (50_000 * HOUR) + 8 / (150_000 * HOUR) + 2 / (100_000 * HOUR));
    assertEquals(node, r.nodeMtbf(), 1e-6);
    assertEquals(node / 1024 * 0.5, r.fleetMtbf(), 1e-9);
    assertEquals(0.999, r.replicatedAvailability(), 1e-12); // 1 − 0.1³
  }

  @Test
  void goodputNeverGoesNegative() {
    // A 1 h MTBF with a 1 h restart leaves no useful time.
    ReliabilityModel.ReliabilityResult r = ReliabilityModel.solve(1, 1, HOUR, 1, 0, 1, 0, 1, 1.0, 60,
        HOUR, Double.NaN, 1);
    assertEquals(0, r.goodput());
    assertTrue(r.trace().toString().contains("FAILED"));
  }

  @Test
  void badInputsAreNamed() {
    ResolverContract.assertRejects(new ReliabilityModel(),
        Map.of("fleet", "Frontier_8K", "duration", "30 days", "availability", 1.5), "availability", "[0, 1]");
    ResolverContract.assertRejects(new ReliabilityModel(),
        Map.of("fleet", "Frontier_8K", "duration", "0 s"), "duration");
    ResolverContract.assertRejects(new ReliabilityModel(),
        Map.of("fleet", "Frontier_8K", "duration", "1 day", "recovery_time", "-5 s"), "recovery_time");
  }

  @Test
  void theCheckpointModelFeedsTheRealWriteTime() {
    Pipeline p = Pipeline.builder().add(new ReliabilityModel()).add(new CheckpointModel()).build();
    PipelineResults r = p.run(Map.of("fleet", "Frontier_8K", "duration", "30 days",
        "workload", OpsFixtures.eightBillion(), "hardware", OpsFixtures.device(7e9, 0, null)));
    double write = 14 * 8e9 / 7e9; // 16 s, replaces the 60 s default
    assertEquals(write, r.view("CheckpointModel").field("checkpoint_time").number(), 1e-12);
    double fleet = r.view("ReliabilityModel").field("fleet_mtbf").number();
    assertEquals(Math.sqrt(2 * write * fleet), r.view("ReliabilityModel").field("young_daly_interval").number(),
        1e-9);
  }
}
