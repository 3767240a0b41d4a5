package io.mlsysim.spark;

import java.io.PrintWriter;
import org.apache.spark.SparkContext;

/**
 * Ctrl-C during a study run. Without this, SIGINT runs Spark's shutdown hook, which stops the
 * context under the running job and floods stderr with the traces of every cancelled task. Here
 * the first Ctrl-C prints one line, silences logging (the cancelled tasks' warnings say nothing
 * the line does not), and cancels the Spark jobs, interrupting their tasks; the run's own code
 * then unwinds normally: the run lock is released, nothing is committed (the study's next run
 * drops whatever rows the run had appended), and the session stops. A second Ctrl-C exits at once.
 */
final class CtrlC implements AutoCloseable {
  /** Exit status of a run ended by Ctrl-C (128 + SIGINT), as shells report it. */
  static final int EXIT = 130;

  private final sun.misc.Signal signal = new sun.misc.Signal("INT");
  private final sun.misc.SignalHandler previous;
  private static volatile boolean anyPressed;
  private volatile boolean pressed;

  private CtrlC(SparkContext sc, PrintWriter err, String what) {
    // Task threads are interrupted on cancel, so a slice waiting or evaluating stops promptly.
    sc.setLocalProperty("spark.job.interruptOnCancel", "true");
    previous = install(s -> {
      if (pressed) {
        Runtime.getRuntime().halt(EXIT); // asked twice: go now
      }
      pressed = true;
      anyPressed = true; // progress lines stop: the interruption is the last word
      synchronized (err) {
        err.println("interrupted: " + what + " cancelled; nothing was committed");
        err.flush();
      }
      silenceLogs();
      sc.cancelAllJobs();
    });
  }

  /** The handler, or null where the JVM keeps SIGINT to itself (-Xrs): then Ctrl-C works as before. */
  private sun.misc.SignalHandler install(sun.misc.SignalHandler handler) {
    try {
      return sun.misc.Signal.handle(signal, handler);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Handles Ctrl-C for the jobs of {@code sc} until closed. */
  static CtrlC during(SparkContext sc, PrintWriter err, String what) {
    return new CtrlC(sc, err, what);
  }

  boolean pressed() {
    return pressed;
  }

  /** True once Ctrl-C cancelled a run in this process. */
  static boolean anyPressed() {
    return anyPressed;
  }

  private static void silenceLogs() {
    try {
      // every logger, not just the root: loggers the configuration names (Spark's Utils, which
      // logs "Aborting task" for each cancelled writer) keep their own level otherwise
      org.apache.logging.log4j.core.config.Configurator.setAllLevels(
          org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
    } catch (LinkageError e) {
      // another logging backend: its lines stay
    }
  }

  /** Throws {@code e} as it is, checked or not (Spark's Scala code throws checked exceptions undeclared). */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException rethrow(Throwable e) throws T {
    throw (T) e;
  }

  @Override
  public void close() {
    if (previous != null) {
      sun.misc.Signal.handle(signal, previous);
    }
  }
}
