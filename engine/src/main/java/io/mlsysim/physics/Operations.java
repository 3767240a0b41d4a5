package io.mlsysim.physics;

/**
 * Formulas of the operational walls that are not about failures: data ingestion, CPU-side
 * transformation, steady-state availability and the cost of responsible-engineering measures.
 * Rates in B/s, sizes in B, times in s.
 */
public final class Operations {
  private Operations() {}

  /** Share of a supply that a demand uses: {@code demand/supply}; above 1 the consumer stalls. */
  public static double utilization(double demand, double supply) {
    return demand / supply;
  }

  /** Time to transform one batch on the host: {@code B·sampleBytes/throughput}. */
  public static double transformTime(double batch, double sampleBytes, double throughput) {
    return batch * sampleBytes / throughput;
  }

  /**
   * Busy share of the accelerator when preprocessing and compute overlap:
   * {@code accel/max(accel, transform)}.
   */
  public static double overlapUtilization(double acceleratorTime, double transformTime) {
    return acceleratorTime / Math.max(acceleratorTime, transformTime);
  }

  /** Step-time stretch caused by the slower of two overlapped stages: {@code max/accel}. */
  public static double overlapSlowdown(double acceleratorTime, double transformTime) {
    return Math.max(acceleratorTime, transformTime) / acceleratorTime;
  }

  /** Long-run share of time a repairable system is up: {@code MTBF/(MTBF + MTTR)}. */
  public static double steadyStateAvailability(double mtbf, double repairTime) {
    return mtbf / (mtbf + repairTime);
  }

  /**
   * Training-time multiplier of DP-SGD at privacy budget ε: {@code 1 + c/max(ε, εmin)}. An
   * infinite ε (no privacy) gives 1.
   */
  public static double dpSgdSlowdown(double epsilon, double coefficient, double minEpsilon) {
    return 1 + coefficient / Math.max(epsilon, minEpsilon);
  }

  /**
   * How many times more data a subgroup of the given prevalence needs to be seen as often as
   * the whole population: {@code 1/max(prevalence, floor)}.
   */
  public static double dataFactor(double prevalence, double minPrevalence) {
    return 1 / Math.max(prevalence, minPrevalence);
  }
}
