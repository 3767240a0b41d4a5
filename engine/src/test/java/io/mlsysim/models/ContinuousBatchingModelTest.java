package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import org.junit.jupiter.api.Test;

/**
 * Paged vs static KV batching for Llama3_8B on an H100 at fp16, Smax = 2048, mean 512 tokens,
 * pages of 16 tokens.
 *
 * <p>Derivation. A request holds S = min(X, Smax) tokens, X exponential with scale μ, so
 * E[S] = ∫₀^Smax P(X > x) dx = μ(1 − e^(−Smax/μ)); μ is the root of E[S] = 512. A request of S
 * tokens takes ⌈S/p⌉ pages and P(⌈S/p⌉ > k) = P(X > kp) = r^k with r = e^(−p/μ) for
 * k < K = Smax/p = 128, so E[pages] = Σ_{k<K} r^k. Allocated tokens are p·E[pages]; internal
 * fragmentation is 1 − 512/allocated. One token of KV is 2·L·H_kv·d·b = 2·32·8·128·2 = 131,072 B.
 * The budget is 80 GiB − 16.06 GB of weights.
 */
class ContinuousBatchingModelTest {

  @Test
  void pagedBatchingFromTheTruncatedExponential() {
    double smax = 2048;
    double mean = 512;
    double p = 16;
    // μ by bisection on the mean, written out independently of the physics helper
    double lo = 1;
    double hi = 1e6;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid * (1 - Math.exp(-smax / mid)) < mean) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double mu = 0.5 * (lo + hi);
    double r = Math.exp(-p / mu);
    double pages = 0;
    for (int k = 0; k < 128; k++) {
      pages += Math.pow(r, k);
    }
    double allocated = p * pages;
    double kvPerToken = 2.0 * 32 * 8 * 128 * 2;
    double budget = 80 * Math.pow(2, 30) - 16.06e9;
    int active = (int) Math.floor(budget / (allocated * kvPerToken));
    int staticActive = (int) Math.floor(budget / (smax * kvPerToken));

    var res = ContinuousBatchingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, 512, 16, 0, Precision.FP16);
    assertEquals(allocated, res.allocatedTokensPerRequest(), 1e-6);
    assertEquals(1 - mean / allocated, res.pagedFragmentation(), 1e-9);
    assertEquals(0.75, res.staticFragmentation(), 1e-15);
    assertEquals(active, res.activeRequests());
    assertEquals(staticActive, res.staticMaxActive());
    assertEquals(260, staticActive);
    // each decode step reads the weights and the KV actually held (mean tokens per request)
    double itl = (16.06e9 + active * mean * kvPerToken) / 3.35e12;
    assertEquals(itl, res.batchingItl(), 1e-15);
    assertEquals(active / itl, res.tokenThroughput(), 1e-6);
    double staticItl = (16.06e9 + staticActive * mean * kvPerToken) / 3.35e12;
    assertEquals((active / itl) / (staticActive / staticItl), res.speedupVsStatic(), 1e-9);
  }

  @Test
  void maxBatchSizeCapsBothSchemes() {
    var res = ContinuousBatchingModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 2048, 512, 16, 32, Precision.FP16);
    assertEquals(32, res.activeRequests());
    assertEquals(32, res.staticMaxActive());
    assertEquals(1.0, res.speedupVsStatic(), 1e-15);
  }
}
