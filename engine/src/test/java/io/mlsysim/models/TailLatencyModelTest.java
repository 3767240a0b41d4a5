package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * M/M/2 by hand. For c = 2 servers Erlang C has the closed form
 * P_wait = (a²/(2(1−ρ))) / (1 + a + a²/(2(1−ρ))) = 2ρ²/(1 + ρ), with a = λ/μ and ρ = a/2.
 * Beyond P_wait the wait is exponential with rate cμ(1−ρ), so
 * P(W > t) = P_wait·e^(−cμ(1−ρ)t) and t_q = ln(P_wait/q)/(cμ(1−ρ)).
 */
class TailLatencyModelTest {

  @Test
  void stableTwoServerQueue() {
    // service 100 ms → μ = 10/s; λ = 15/s → a = 1.5, ρ = 0.75
    var r = TailLatencyModel.solve(15, 0.1, 2, 1);
    double rho = 0.75;
    double pWait = 2 * rho * rho / (1 + rho); // 0.642857…
    double rate = 2 * 10 * (1 - rho); // 5 /s
    assertTrue(r.queueStable());
    assertEquals(rho, r.queueUtilization(), 1e-15);
    assertEquals(pWait, r.waitProbability(), 1e-14);
    assertEquals(pWait / rate, r.meanWait(), 1e-14);
    assertEquals(Math.log(pWait / 0.5) / rate, r.p50Wait(), 1e-14);
    assertEquals(Math.log(pWait / 0.01) / rate, r.p99Wait(), 1e-14);
    assertEquals(Math.log(pWait / 0.01) / rate + 0.1, r.p99Latency(), 1e-14);
    assertEquals(r.p99Wait() / (5 * 0.1), r.sloHeadroomRatio(), 1e-14);
  }

  @Test
  void kingmanScalesWaitsForDeterministicService() {
    var exp = TailLatencyModel.solve(15, 0.1, 2, 1);
    var det = TailLatencyModel.solve(15, 0.1, 2, 0); // (0² + 1)/2 = 0.5
    assertEquals(exp.p99Wait() * 0.5, det.p99Wait(), 1e-15);
  }

  @Test
  void unstableQueueIsFlagged() {
    // λ = 25/s ≥ cμ = 20/s: the queue grows without bound
    var r = TailLatencyModel.solve(25, 0.1, 2, 1);
    assertFalse(r.queueStable());
    assertEquals(1, r.queueUtilization());
    assertEquals(Double.POSITIVE_INFINITY, r.p99Wait());
    assertEquals(Double.POSITIVE_INFINITY, r.p99Latency());
    assertEquals(1, r.sloHeadroomRatio());
    assertTrue(r.trace().get(0).contains("FAILED"));
  }

  @Test
  void manyServersStayFiniteInLogSpace() {
    // 500 servers at ρ = 0.9: a^c/c! overflows doubles, the log-space form does not
    var r = TailLatencyModel.solve(4500, 0.1, 500, 1);
    assertTrue(r.waitProbability() > 0 && r.waitProbability() < 1, String.valueOf(r.waitProbability()));
  }
}
