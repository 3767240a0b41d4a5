package io.mlsysim.physics;

/**
 * The roofline: time to do some arithmetic and to move some bytes on one device, which limit
 * dominates, and what the device draws meanwhile. All inputs are canonical SI (FLOP, B, FLOP/s,
 * B/s, s, W); none of these allocate.
 */
public final class Roofline {
  private Roofline() {}

  /** Time to execute {@code flop} at {@code peakFlops·efficiency}: s. */
  public static double computeTime(double flop, double peakFlops, double efficiency) {
    return flop / (peakFlops * efficiency);
  }

  /** Time to move {@code bytes} at {@code bandwidth}: s. */
  public static double memoryTime(double bytes, double bandwidth) {
    return bytes / bandwidth;
  }

  /**
   * Bytes one roofline evaluation reads: the weights once plus an activation allowance of
   * {@code activationFraction·W} per sample, i.e. {@code W·(1 + f·batch)}.
   */
  public static double trafficBytes(double weightBytes, double activationFraction, double batch) {
    return weightBytes + activationFraction * weightBytes * batch;
  }

  /**
   * Which limit dominates. Memory only when it is strictly slower, so a tie is compute; no
   * arithmetic at all is memory, no traffic at all is compute.
   */
  public static Bottleneck bottleneck(double computeTime, double memoryTime) {
    return memoryTime > computeTime ? Bottleneck.MEMORY : Bottleneck.COMPUTE;
  }

  /** Classification from the raw work: see {@link #bottleneck(double, double)}. */
  public static Bottleneck bottleneck(double flop, double bytes, double peakFlops, double bandwidth) {
    if (flop == 0 && bytes > 0) {
      return Bottleneck.MEMORY;
    }
    if (bytes == 0) {
      return Bottleneck.COMPUTE;
    }
    return bottleneck(flop / peakFlops, bytes / bandwidth);
  }

  /** Slower time over faster time (≥ 1; infinite when the faster one is 0). */
  public static double bottleneckRatio(double computeTime, double memoryTime) {
    double hi = Math.max(computeTime, memoryTime);
    double lo = Math.min(computeTime, memoryTime);
    return lo == 0 ? (hi == 0 ? 1 : Double.POSITIVE_INFINITY) : hi / lo;
  }

  /** FLOP per byte moved (infinite when no bytes move). */
  public static double arithmeticIntensity(double flop, double bytes) {
    return bytes == 0 ? Double.POSITIVE_INFINITY : flop / bytes;
  }

  /** Intensity at which a device turns compute-bound: peak / bandwidth, FLOP/B. */
  public static double ridgePoint(double peakFlops, double bandwidth) {
    return peakFlops / bandwidth;
  }

  /** Model FLOP utilisation: achieved rate over peak, clamped to [0, 1]. */
  public static double mfu(double flop, double latency, double peakFlops) {
    if (!(latency > 0)) {
      return 0;
    }
    return clamp01(flop / latency / peakFlops);
  }

  /**
   * Average power while running: an idle floor plus a dynamic share that follows utilisation,
   * {@code TDP·(idle + dynamic·MFU)}: W.
   */
  public static double power(double tdp, double idleFraction, double dynamicFraction, double mfu) {
    return tdp * (idleFraction + dynamicFraction * mfu);
  }

  /** Energy over {@code latency} at {@link #power}: J. */
  public static double energy(double tdp, double idleFraction, double dynamicFraction, double mfu,
      double latency) {
    return power(tdp, idleFraction, dynamicFraction, mfu) * latency;
  }

  /** Clamp to [0, 1]. */
  public static double clamp01(double x) {
    return x < 0 ? 0 : (x > 1 ? 1 : x);
  }
}
