package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import org.junit.jupiter.api.Test;

class ServingCostModelTest {

  /**
   * TTFT 0.2 s and ITL 20 ms with 200 output tokens: a request holds a slot for 0.2 + 200·0.02
   * = 4.2 s, so a replica of batch 16 completes 16/4.2 requests/s (Little's law). Three
   * replicas of tp 4 H100s (25,000 USD, 700 W) at 2 requests/s: 12 accelerators at load
   * 2/(3·16/4.2) = 0.175 draw 12·700·(0.3 + 0.7·0.175) W. Per second they cost the 3-year
   * straight-line share of 12·25,000 USD, 5 %/year maintenance and the power at 0.10 USD/kWh,
   * and deliver 2·200 = 400 output tokens.
   */
  @Test
  void threeReplicasAtTwoRequestsPerSecond() {
    double price = 0.10 / 3.6e6;
    var r = ServingCostModel.solve(0.2, 0.02, Hardware.Cloud.H100, 16, 4, 3, 2, 200, null, price, Double.NaN, 1);
    double replicaRate = 16 / 4.2;
    assertEquals(replicaRate, r.replicaRequestRate(), 1e-12);
    assertEquals(1, r.requiredReplicas());
    assertEquals(12, r.accelerators());
    assertEquals(2 / (3 * replicaRate), r.load(), 1e-12);
    assertEquals(0.175, r.load(), 1e-12);
    double power = 12 * 700 * (0.3 + 0.7 * 0.175);
    assertEquals(power, r.power(), 1e-9);
    assertEquals(400, r.outputTokenRate(), 0);
    assertEquals(400.0 / 12, r.tokensPerAccelerator(), 1e-12);
    assertEquals(power / 400, r.energyPerToken(), 1e-12);
    double perSecond = 300_000 / (3 * 365 * 86_400.0) + 300_000 * 0.05 / (365 * 86_400.0) + power * price;
    assertEquals(perSecond * 3600, r.costPerHour(), 1e-9);
    assertEquals(perSecond / 400 * 1e6, r.costPerMillionTokens(), 1e-9);
    assertTrue(r.feasible());
  }

  /** One replica cannot absorb 5 requests/s when it completes 16/4.2 ≈ 3.81: two are needed. */
  @Test
  void tooFewReplicasAreInfeasible() {
    var r = ServingCostModel.solve(0.2, 0.02, Hardware.Cloud.H100, 16, 4, 1, 5, 200, null, Double.NaN, Double.NaN, 1);
    assertFalse(r.feasible());
    assertEquals(2, r.requiredReplicas());
    assertEquals(5 / (16 / 4.2), r.load(), 1e-12);
  }

  /** Tokens of hardware with no known price cannot be priced; the message says how to fix it. */
  @Test
  void unpricedHardwareIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ServingCostModel.solve(0.2, 0.02,
        Hardware.get("MI250X"), 16, 1, 1, 1, 200, null, Double.NaN, Double.NaN, 1));
    assertTrue(e.getMessage().contains("MI250X has no known unit price") && e.getMessage().contains("unit_cost"),
        e.getMessage());
  }
}
