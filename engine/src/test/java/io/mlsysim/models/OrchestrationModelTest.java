package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrchestrationModelTest {

  @Test
  void halfLoadedClusterByHand() {
    // λ = 1 job/h, each job 30 min: ρ = 0.5, μ = 1/1800 s⁻¹
    // W = ρ/(2μ(1−ρ)) = 0.5/(2 · 1/1800 · 0.5) = 900 s; Lq = ρ²/(2(1−ρ)) = 0.25
    ResultView v = ResolverContract.check(new OrchestrationModel(),
        Map.of("arrival_rate", 1 / 3600.0, "job_duration", "30 min"));
    assertEquals(0.5, v.field("cluster_utilization").number(), 1e-15);
    assertEquals(900, v.field("queue_wait").number(), 1e-9);
    assertEquals(0.25, v.field("queue_wait").inDisplayUnit(), 1e-12); // h
    assertEquals(0.25, v.field("queue_length").number(), 1e-15);
    assertEquals(1.0, v.field("queue_stable").number());
    assertTrue(v.trace().get(0).startsWith("Multi-tenant Wall: Passed"), v.trace().toString());
  }

  @Test
  void fullOrOverloadedIsUnstableNotAnError() {
    for (double lambda : new double[] {2 / 3600.0, 3 / 3600.0}) { // ρ = 1 and 1.5
      OrchestrationModel.OrchestrationResult r = OrchestrationModel.solve(lambda, 1800);
      assertFalse(r.queueStable());
      assertEquals(Double.POSITIVE_INFINITY, r.queueWait());
      assertEquals(Double.POSITIVE_INFINITY, r.queueLength());
      assertTrue(r.trace().get(0).contains("FAILED"), r.trace().toString());
    }
    ResolverContract.check(new OrchestrationModel(), Map.of("arrival_rate", 1.0, "job_duration", "1 h"));
  }

  @Test
  void noArrivalsNoWait() {
    OrchestrationModel.OrchestrationResult r = OrchestrationModel.solve(0, 1800);
    assertEquals(0, r.queueWait());
    assertTrue(r.queueStable());
  }

  @Test
  void nonPositiveDurationIsNamed() {
    ResolverContract.assertRejects(new OrchestrationModel(), Map.of("arrival_rate", 0.001, "job_duration", "0 h"),
        "job_duration");
  }
}
