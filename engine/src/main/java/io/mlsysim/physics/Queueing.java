package io.mlsysim.physics;

/**
 * Queueing formulas: M/M/c (Erlang C) waits, Kingman's variability correction, M/D/1, and the
 * truncated-exponential request-length model used to size paged KV caches. Rates in 1/s, times
 * in s, lengths in tokens.
 */
public final class Queueing {
  private Queueing() {}

  /** Per-server utilisation {@code ρ = λ/(c·μ)}. */
  public static double utilization(double arrivalRate, double serviceRate, int servers) {
    return arrivalRate / (servers * serviceRate);
  }

  /** True when the queue drains on average: {@code λ < c·μ}. */
  public static boolean stable(double arrivalRate, double serviceRate, int servers) {
    return arrivalRate < servers * serviceRate;
  }

  /**
   * Erlang C: probability that an arrival waits, with offered load {@code A = λ/μ},
   * {@code T_c = A^c/(c!(1−ρ))}, {@code P_wait = T_c/(Σ_{i<c} A^i/i! + T_c)}. Evaluated in log
   * space so hundreds of servers neither overflow nor underflow. 1 when unstable, 0 with no
   * arrivals.
   */
  public static double erlangC(double arrivalRate, double serviceRate, int servers) {
    Checks.positive("servers", servers);
    Checks.positive("service rate", serviceRate);
    Checks.nonNegative("arrival rate", arrivalRate);
    if (arrivalRate == 0) {
      return 0;
    }
    double rho = utilization(arrivalRate, serviceRate, servers);
    if (rho >= 1) {
      return 1;
    }
    double logA = Math.log(arrivalRate / serviceRate);
    // log-sum-exp of the terms i·lnA − ln i!, i = 0..c−1, accumulated online
    double max = 0; // term i = 0 is ln 1 = 0
    double sum = 1;
    double logFact = 0;
    for (int i = 1; i < servers; i++) {
      logFact += Math.log(i);
      double t = i * logA - logFact;
      if (t > max) {
        sum = sum * Math.exp(max - t) + 1;
        max = t;
      } else {
        sum += Math.exp(t - max);
      }
    }
    double logTc = servers * logA - (logFact + Math.log(servers)) - Math.log1p(-rho);
    double logSum = max + Math.log(sum);
    double hi = Math.max(logTc, logSum);
    double logTotal = hi + Math.log(Math.exp(logTc - hi) + Math.exp(logSum - hi));
    return Math.exp(logTc - logTotal);
  }

  /** Mean wait in queue of M/M/c: {@code P_wait/(c·μ − λ)}; infinite when unstable. */
  public static double meanWait(double pWait, double arrivalRate, double serviceRate, int servers) {
    double slack = servers * serviceRate - arrivalRate;
    return slack <= 0 ? Double.POSITIVE_INFINITY : pWait / slack;
  }

  /**
   * Wait not exceeded with probability {@code 1−q}: {@code t_q = −ln(q/P_wait)/(c·μ·(1−ρ))}, 0
   * when fewer than a fraction q wait at all, infinite when unstable.
   */
  public static double waitQuantile(double pWait, double tailProbability, double serviceRate, int servers,
      double rho) {
    if (rho >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (pWait < tailProbability || pWait == 0) {
      return 0;
    }
    return -Math.log(tailProbability / pWait) / (servers * serviceRate * (1 - rho));
  }

  /** Kingman's scaling of M/M waits for service-time coefficient of variation cv: {@code (cv²+1)/2}. */
  public static double kingmanFactor(double cv) {
    return (cv * cv + 1) / 2;
  }

  /** M/D/1 mean wait in queue: {@code ρ/(2μ(1−ρ))}, ρ = λ/μ; infinite when ρ ≥ 1. */
  public static double md1Wait(double arrivalRate, double serviceRate) {
    double rho = arrivalRate / serviceRate;
    return rho >= 1 ? Double.POSITIVE_INFINITY : rho / (2 * serviceRate * (1 - rho));
  }

  /** M/D/1 mean queue length: {@code ρ²/(2(1−ρ))}; infinite when ρ ≥ 1. */
  public static double md1QueueLength(double rho) {
    return rho >= 1 ? Double.POSITIVE_INFINITY : rho * rho / (2 * (1 - rho));
  }

  /** Mean of {@code min(X, Smax)} for X exponential with scale μ: {@code μ(1 − e^(−Smax/μ))}. */
  public static double truncatedExponentialMean(double scale, double maxLength) {
    if (scale == Double.POSITIVE_INFINITY) {
      return maxLength;
    }
    return -scale * Math.expm1(-maxLength / scale);
  }

  /**
   * Scale μ whose truncated mean equals {@code mean}, by bisection (the mean rises monotonically
   * from 0 to Smax as μ grows). Infinite when {@code mean ≥ Smax} (every request is full length).
   */
  public static double truncatedExponentialScale(double mean, double maxLength) {
    Checks.positive("mean request tokens", mean);
    Checks.positive("max sequence length", maxLength);
    if (mean >= maxLength) {
      return Double.POSITIVE_INFINITY;
    }
    double lo = 0;
    double hi = mean;
    while (truncatedExponentialMean(hi, maxLength) < mean) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (truncatedExponentialMean(mid, maxLength) < mean) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * Expected pages of p tokens allocated to a request of length {@code min(X, Smax)}:
   * {@code (1 − r^K)/(1 − r)}, {@code r = e^(−p/μ)}, {@code K = ⌈Smax/p⌉}.
   */
  public static double expectedPages(double scale, double pageSize, double maxLength) {
    double k = Math.ceil(maxLength / pageSize);
    if (scale == Double.POSITIVE_INFINITY) {
      return k;
    }
    double r = Math.exp(-pageSize / scale);
    if (r == 1) {
      return k;
    }
    return (1 - Math.pow(r, k)) / (1 - r);
  }

  /** Share of allocated tokens left empty: {@code 1 − mean/allocated}. */
  public static double internalFragmentation(double meanTokens, double allocatedTokens) {
    return allocatedTokens <= 0 ? 0 : 1 - meanTokens / allocatedTokens;
  }
}
