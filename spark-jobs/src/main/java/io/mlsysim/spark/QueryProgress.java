package io.mlsysim.spark;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;

/**
 * Progress of a query that takes a while: nothing for the first few seconds (most queries are
 * done by then), then a line on stderr naming the time spent and the tasks of the running stages,
 * at the pace of {@link StudyProgress.Pace} (every 5 s on a terminal, 30 s in a log).
 */
final class QueryProgress implements AutoCloseable {
  /** Quiet for this long: a query that answers within it prints no progress. */
  static final long FIRST_AFTER_MILLIS = 3_000;

  private final SparkContext sc;
  private final PrintWriter out;
  private final long firstAfterMillis;
  private final long everyMillis;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService clock;
  private long lastPrint;
  private volatile boolean closed;

  QueryProgress(SparkContext sc, PrintWriter out, StudyProgress.Pace pace, long firstAfterMillis) {
    this.sc = sc;
    this.out = out;
    this.firstAfterMillis = firstAfterMillis;
    this.everyMillis = pace.everyMillis();
    this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mlsysim-query-progress");
      t.setDaemon(true);
      return t;
    });
    clock.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    if (elapsed < firstAfterMillis || lastPrint > 0 && elapsed - lastPrint < everyMillis || CtrlC.anyPressed()) {
      return;
    }
    lastPrint = elapsed;
    int done = 0;
    int tasks = 0;
    for (int id : sc.statusTracker().getActiveStageIds()) {
      SparkStageInfo s = sc.statusTracker().getStageInfo(id).getOrElse(() -> null);
      if (s != null) {
        done += s.numCompletedTasks();
        tasks += s.numTasks();
      }
    }
    synchronized (out) {
      if (closed) {
        return;
      }
      out.println("query: running, " + ProgressLine.duration(elapsed / 1e3) + " elapsed"
          + (tasks > 0 ? String.format("; %,d of %,d tasks of the running stages done", done, tasks) : ""));
      out.flush();
    }
  }

  @Override
  public void close() {
    synchronized (out) {
      closed = true;
    }
    clock.shutdownNow();
  }
}
