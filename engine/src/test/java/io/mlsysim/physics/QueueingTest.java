package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueingTest {

  @Test
  void erlangCForTwoServersMatchesClosedForm() {
    // c = 2, a = 2ρ: Σ_{i<2} aⁱ/i! = 1 + 2ρ, T = a²/(2(1−ρ)) = 2ρ²/(1−ρ),
    // P_wait = T/(1 + 2ρ + T) = 2ρ²/((1+2ρ)(1−ρ) + 2ρ²) = 2ρ²/(1 + ρ).
    double lambda = 1.5;
    double mu = 1.0;
    double rho = Queueing.utilization(lambda, mu, 2);
    assertEquals(0.75, rho);
    double closed = 2 * rho * rho / (1 + rho);
    assertEquals(closed, Queueing.erlangC(lambda, mu, 2), 1e-14);
    // c = 1 is M/M/1: P_wait = ρ
    assertEquals(0.3, Queueing.erlangC(0.3, 1, 1), 1e-14);
  }

  @Test
  void erlangCLargeFleetMatchesErlangBRecursion() {
    // Erlang B by B_k = a·B_{k−1}/(k + a·B_{k−1}); C = B/(1 − ρ(1 − B)).
    int c = 500;
    double a = 450;
    double bk = 1;
    for (int k = 1; k <= c; k++) {
      bk = a * bk / (k + a * bk);
    }
    double rho = a / c;
    double want = bk / (1 - rho * (1 - bk));
    assertEquals(want, Queueing.erlangC(a, 1, c), 1e-12);
  }

  @Test
  void stableAndUnstableWaits() {
    double mu = 1.0;
    double pWait = Queueing.erlangC(1.5, mu, 2);
    double rho = 0.75;
    // t_q = −ln(q/P_wait)/(cμ(1−ρ)) = ln(P_wait/0.01)/0.5
    assertEquals(Math.log(pWait / 0.01) / 0.5, Queueing.waitQuantile(pWait, 0.01, mu, 2, rho), 1e-12);
    // P_wait ≈ 0.643 > 0.5, so the median wait is positive; with q above P_wait it is 0
    assertTrue(Queueing.waitQuantile(pWait, 0.5, mu, 2, rho) > 0);
    assertEquals(0, Queueing.waitQuantile(0.1, 0.5, mu, 2, 0.3));
    assertEquals(pWait / 0.5, Queueing.meanWait(pWait, 1.5, mu, 2), 1e-14);
    // unstable: λ ≥ cμ
    assertFalse(Queueing.stable(2.0, mu, 2));
    assertEquals(1, Queueing.erlangC(2.5, mu, 2));
    assertEquals(Double.POSITIVE_INFINITY, Queueing.waitQuantile(1, 0.01, mu, 2, 1));
    assertEquals(0, Queueing.erlangC(0, mu, 4));
  }

  @Test
  void kingmanAndMd1() {
    assertEquals(1, Queueing.kingmanFactor(1));
    assertEquals(0.5, Queueing.kingmanFactor(0));
    // M/D/1 wait is M/M/1 wait ρ/(μ(1−ρ)) times Kingman's 1/2: λ = 0.5, μ = 1 → 0.5
    assertEquals(0.5, Queueing.md1Wait(0.5, 1), 1e-15);
    assertEquals(0.25, Queueing.md1QueueLength(0.5), 1e-15); // 0.25/(2·0.5)
    assertEquals(Double.POSITIVE_INFINITY, Queueing.md1Wait(1, 1));
  }

  @Test
  void truncatedExponentialRoundTrip() {
    double smax = 2048;
    double mu = 500;
    double mean = mu * (1 - Math.exp(-smax / mu)); // the identity, written out
    assertEquals(mean, Queueing.truncatedExponentialMean(mu, smax), 1e-9);
    assertEquals(mu, Queueing.truncatedExponentialScale(mean, smax), 1e-7);
    assertEquals(Double.POSITIVE_INFINITY, Queueing.truncatedExponentialScale(smax, smax));
  }

  @Test
  void expectedPagesIsTheGeometricSum() {
    // P(pages ≥ k) = P(X > (k−1)p) = r^(k−1) for k ≤ K, so E = Σ_{k=1..K} r^(k−1).
    double mu = 300;
    double p = 16;
    double smax = 1000;
    int k = (int) Math.ceil(smax / p);
    double r = Math.exp(-p / mu);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += Math.pow(r, i);
    }
    assertEquals(sum, Queueing.expectedPages(mu, p, smax), 1e-10);
    assertEquals(k, Queueing.expectedPages(Double.POSITIVE_INFINITY, p, smax));
    double allocated = p * sum;
    double meanTokens = Queueing.truncatedExponentialMean(mu, smax);
    assertTrue(Queueing.internalFragmentation(meanTokens, allocated) > 0);
  }
}
