package io.mlsysim.spark;

import java.util.Locale;

/**
 * One progress line of a study run: share done, rate, and time left at that rate. The rate is
 * candidates per second of wall time since evaluation started, so the estimate is the remaining
 * candidates divided by it (a straight-line forecast; it settles as the run goes on).
 */
final class ProgressLine {
  private ProgressLine() {}

  static String of(String study, long done, long total, double seconds) {
    long d = Math.min(done, total);
    double rate = seconds > 0 ? d / seconds : 0;
    String eta = d >= total ? "done" : rate > 0 ? "ETA " + duration((total - d) / rate) : "ETA unknown";
    return String.format(Locale.ROOT, "%s: %.0f%% (%,d of %,d candidates), %,.0f candidates/s, %s, %s elapsed", study,
        total == 0 ? 100.0 : Math.floor(100.0 * d / total), d, total, rate, eta, duration(seconds));
  }

  /** 42 s, 3 min 05 s, 2 h 07 min: as precise as a person reads it. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
