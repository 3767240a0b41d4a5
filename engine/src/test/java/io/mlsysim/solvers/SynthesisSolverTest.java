package io.mlsysim.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.models.OpsFixtures;
import io.mlsysim.physics.Roofline;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynthesisSolverTest {

  @Test
  void eightBillionAtFiveMillisecondsByHand() {
    // W = 8e9 · 2 B = 16 GB; ops = 2 · 8e9 = 16 GFLOP; T = 5 ms; η = 0.5
    // bandwidth W/T = 3.2 TB/s; FLOP/s ops/(T·η) = 6.4 TFLOP/s; memory 16 GB; ridge 6.4e12/3.2e12 = 2 FLOP/B
    ResultView v = ResolverContract.check(new SynthesisSolver(),
        Map.of("workload", OpsFixtures.eightBillion(), "target_latency", "5 ms"));
    assertEquals(3.2e12, v.field("required_bandwidth").number(), 1);
    assertEquals(3.2, v.field("required_bandwidth").inDisplayUnit(), 1e-12);
    assertEquals(6.4e12, v.field("required_flops").number(), 1);
    assertEquals(16e9, v.field("required_memory").number());
    assertEquals(2.0, v.field("required_intensity").number(), 1e-12);
    // the round trip: the forward roofline at the answer gives back the target
    assertEquals(0.005, v.field("synthesis_memory_time").number(), 1e-15);
    assertEquals(0.005, v.field("synthesis_compute_time").number(), 1e-15);
    assertEquals(0.005, Roofline.memoryTime(16e9, v.field("required_bandwidth").number()), 1e-15);
    assertEquals(0.005, Roofline.computeTime(16e9, v.field("required_flops").number(), 0.5), 1e-15);
    assertEquals(1.0, v.field("synthesis_round_trip").number());
    String trace = String.join("\n", v.trace());
    assertTrue(trace.contains("forward check: 16 GB / 3.2 TB/s = 5 ms = target"), trace);
  }

  @Test
  void roundTripsAcrossTargetsAndEfficiencies() {
    for (double t : new double[] {1e-4, 3.3e-3, 0.05, 1.7}) {
      for (double eta : new double[] {0.1, 0.37, 1.0}) {
        SynthesisSolver.SynthesisResult r = SynthesisSolver.solve(140e9, 1.4e11, t, eta);
        assertTrue(r.synthesisRoundTrip(), "T=" + t + " η=" + eta);
        assertEquals(t, Roofline.memoryTime(r.requiredMemory(), r.requiredBandwidth()), t * 1e-12);
      }
    }
  }

  @Test
  void aFailedRoundTripIsReported() {
    SynthesisSolver.SynthesisResult broken = new SynthesisSolver.SynthesisResult(1, 1, 1, 1, 1, 2, false);
    assertFalse(broken.synthesisRoundTrip());
    assertTrue(broken.trace().get(1).contains("round trip FAILED"), broken.trace().toString());
  }

  @Test
  void badInputsAreNamed() {
    ResolverContract.assertRejects(new SynthesisSolver(),
        Map.of("workload", OpsFixtures.eightBillion(), "target_latency", "5 ms", "efficiency", 1.5), "efficiency");
    ResolverContract.assertRejects(new SynthesisSolver(),
        Map.of("workload", OpsFixtures.shapeless(), "target_latency", "5 ms"), "workload");
    ResolverContract.assertRejects(new SynthesisSolver(),
        Map.of("workload", OpsFixtures.eightBillion(), "target_latency", "0 ms"), "target_latency");
  }
}
