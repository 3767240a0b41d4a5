package io.mlsysim.physics;

/** Failures, checkpoints and availability. Times in s. */
public final class Reliability {
  private Reliability() {}

  /** Series system: failure rates add, {@code MTBF = 1/(Σ count_i/MTTF_i)}. */
  public static double nodeMtbf(int gpus, double gpuMttf, int nics, double nicMttf, int psus, double psuMttf) {
    double rate = gpus / gpuMttf + nics / nicMttf + psus / psuMttf;
    return 1 / rate;
  }

  /** N identical nodes in series: {@code nodeMTBF/N × correlation}. */
  public static double fleetMtbf(double nodeMtbf, int nodes, double correlation) {
    return nodeMtbf / nodes * correlation;
  }

  /** Probability of at least one failure in T: {@code 1 − e^(−T/MTBF)}. */
  public static double failureProbability(double duration, double mtbf) {
    return -Math.expm1(-duration / mtbf);
  }

  /** Expected failures in T: {@code T/MTBF}. */
  public static double expectedFailures(double duration, double mtbf) {
    return duration / mtbf;
  }

  /** Young–Daly first-order optimal checkpoint interval: {@code τ = sqrt(2·δ·MTBF)}. */
  public static double youngDalyInterval(double checkpointTime, double mtbf) {
    return Math.sqrt(2 * checkpointTime * mtbf);
  }

  /** Useful fraction of time: {@code max(0, 1 − δ/τ − R/MTBF)}. */
  public static double goodput(double checkpointTime, double interval, double recoveryTime, double mtbf) {
    return Math.max(0, 1 - checkpointTime / interval - recoveryTime / mtbf);
  }

  /** k independent replicas, any one suffices: {@code 1 − (1−A)^k}. */
  public static double replicatedAvailability(double availability, int replicas) {
    return 1 - Math.pow(1 - availability, replicas);
  }

  /** Amdahl: {@code 1/((1−f) + f/s)} for parallel fraction f sped up s times. */
  public static double amdahlSpeedup(double parallelFraction, double speedup) {
    return 1 / ((1 - parallelFraction) + parallelFraction / speedup);
  }

  /** Checkpoint size: {@code P·bytesPerParam} (weights plus optimizer state). */
  public static double checkpointBytes(double params, double bytesPerParam) {
    return params * bytesPerParam;
  }

  /** Aggregate write bandwidth: {@code min(bw·writers, filesystemLimit)}. */
  public static double checkpointBandwidth(double perWriterBandwidth, int writers, double filesystemLimit) {
    return Math.min(perWriterBandwidth * writers, filesystemLimit);
  }

  /** Fraction of training time spent writing checkpoints: {@code tWrite/interval}. */
  public static double checkpointOverhead(double writeTime, double interval) {
    return writeTime / interval;
  }
}
