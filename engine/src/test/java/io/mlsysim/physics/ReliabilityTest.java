package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityTest {
  static final double HOUR = 3600;

  @Test
  void seriesMtbf() {
    // DGX-like node: 8 GPUs (50,000 h), 1 NIC (150,000 h), 2 PSUs (100,000 h):
    // rate = 8/50000 + 1/150000 + 2/100000 = 1.8666…e-4 per hour
    double rate = 8 / 50_000.0 + 1 / 150_000.0 + 2 / 100_000.0;
    double node = Reliability.nodeMtbf(8, 50_000 * HOUR, 1, 150_000 * HOUR, 2, 100_000 * HOUR);
    assertEquals(HOUR / rate, node, 1e-6);
    assertEquals(node / 32, Reliability.fleetMtbf(node, 32, 1.0), 1e-9);
  }

  @Test
  void failuresAndGoodput() {
    assertEquals(1 - Math.exp(-0.5), Reliability.failureProbability(1, 2), 1e-15);
    assertEquals(0.5, Reliability.expectedFailures(1, 2));
    assertEquals(1 - 60 / 600.0 - 300 / 10_000.0, Reliability.goodput(60, 600, 300, 10_000), 1e-15);
    assertEquals(0, Reliability.goodput(60, 60, 300, 100));
  }

  @Test
  void youngDalyMinimisesFirstOrderWaste() {
    // Waste per unit time ≈ δ/τ (writing) + τ/(2·MTBF) (lost work); d/dτ = 0 at τ = sqrt(2δ·MTBF).
    double delta = 60;
    double mtbf = 10 * HOUR;
    double tau = Reliability.youngDalyInterval(delta, mtbf);
    assertEquals(Math.sqrt(2 * 60 * 36_000), tau, 1e-9);
    double best = delta / tau + tau / (2 * mtbf);
    for (double f : new double[] {0.9, 0.99, 1.01, 1.1}) {
      double t = tau * f;
      assertTrue(delta / t + t / (2 * mtbf) > best);
    }
  }

  @Test
  void availabilityAmdahlCheckpoint() {
    assertEquals(0.99, Reliability.replicatedAvailability(0.9, 2), 1e-15);
    assertEquals(1.0 / (0.1 + 0.09), Reliability.amdahlSpeedup(0.9, 10), 1e-12);
    assertEquals(14 * 8e9, Reliability.checkpointBytes(8e9, 14));
    assertEquals(500e9, Reliability.checkpointBandwidth(7e9, 256, 500e9));
    assertEquals(70e9, Reliability.checkpointBandwidth(7e9, 10, 500e9));
    assertEquals(0.01, Reliability.checkpointOverhead(144, 14_400), 1e-15);
  }
}
