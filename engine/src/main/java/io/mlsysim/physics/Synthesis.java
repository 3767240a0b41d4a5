package io.mlsysim.physics;

/**
 * The roofline read backwards: given a latency target, the hardware that meets it. Each function
 * inverts one forward relation of {@link Roofline}; solvers run the forward one at the answer to
 * check the round trip.
 */
public final class Synthesis {
  private Synthesis() {}

  /** Bandwidth that moves {@code bytes} in {@code latency}: inverts {@code T = W/BW}. */
  public static double requiredBandwidth(double bytes, double latency) {
    return bytes / latency;
  }

  /**
   * Peak compute that finishes {@code flop} in {@code latency} at efficiency η: inverts
   * {@code T = ops/(peak·η)}.
   */
  public static double requiredFlops(double flop, double latency, double efficiency) {
    return flop / (latency * efficiency);
  }

  /** True when a forward value reproduces the target to a relative tolerance. */
  public static boolean roundTrips(double forward, double target, double relativeTolerance) {
    return Math.abs(forward - target) <= relativeTolerance * Math.abs(target);
  }
}
