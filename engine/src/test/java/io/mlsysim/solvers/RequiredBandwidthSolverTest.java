package io.mlsysim.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.models.OpsFixtures;
import io.mlsysim.physics.Roofline;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredBandwidthSolverTest {

  @Test
  void eightBillionAtFiftyMilliseconds() {
    // W = 8e9 · 2 B (fp16) = 16 GB; 16 GB / 50 ms = 320 GB/s; forward check 16 GB / 320 GB/s = 50 ms
    ResultView v = ResolverContract.check(new RequiredBandwidthSolver(),
        Map.of("workload", OpsFixtures.eightBillion(), "target_latency", "50 ms"));
    assertEquals(320e9, v.field("required_bw").number(), 1e-3);
    assertEquals(16e9, v.field("weight_bytes").number());
    assertEquals(0.05, v.field("required_bw_check_time").number(), 1e-15);
    assertEquals(1.0, v.field("required_bw_round_trip").number());
    String trace = String.join("\n", v.trace());
    assertTrue(trace.contains("forward check: 16 GB / 320 GB/s = 50 ms = target"), trace);
  }

  @Test
  void precisionChangesTheBytes() {
    ResultView v = ResolverContract.check(new RequiredBandwidthSolver(),
        Map.of("workload", OpsFixtures.eightBillion(), "target_latency", "50 ms", "precision", "int8"));
    assertEquals(160e9, v.field("required_bw").number(), 1e-3);
  }

  @Test
  void roundTripsOverManyTargets() {
    for (double t = 1e-4; t < 10; t *= 3.7) {
      RequiredBandwidthSolver.RequiredBandwidthResult r = RequiredBandwidthSolver.solve(70e9 * 2, t);
      assertTrue(r.requiredBwRoundTrip());
      assertEquals(t, Roofline.memoryTime(r.weightBytes(), r.requiredBw()), t * 1e-12);
    }
  }

  @Test
  void isABuiltIn() {
    assertEquals(RequiredBandwidthSolver.class, ResolverFactory.withPlugins(java.util.List.of())
        .get("RequiredBandwidthSolver").getClass());
  }

  @Test
  void aWorkloadWithoutSizeIsRefused() {
    ResolverContract.assertRejects(new RequiredBandwidthSolver(),
        Map.of("workload", OpsFixtures.shapeless(), "target_latency", "50 ms"), "workload");
  }
}
