package io.mlsysim.spark;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a study's evaluation, counted in candidates rather than slices: executors add to an
 * accumulator per row, and running tasks report it with every executor heartbeat
 * ({@code spark.executor.heartbeatInterval}), so the first line comes seconds after the first
 * evaluations even when a slice takes minutes. A finished slice counts all its candidates (rows
 * are only made for those inside the study's conditions); a failed attempt's partial count is
 * dropped (its retry counts again).
 *
 * <p>Lines go out on a clock: the first as soon as anything is counted and then every
 * {@code every} when someone watches a terminal; only every {@code every} otherwise (a log file
 * wants a line a minute, not a line a second). A last line says 100% when evaluation ends.
 */
final class StudyProgress extends SparkListener implements AutoCloseable {
  /** When lines go out. */
  record Pace(boolean firstAsap, long everyMillis) {
    /** A terminal: the first line at once, then every 5 s; a log: every 30 s (MLSYSIM_PROGRESS_SECONDS). */
    static Pace forStderr() {
      String env = System.getenv("MLSYSIM_PROGRESS_SECONDS");
      boolean terminal = System.console() != null;
      long every = terminal ? 5 : 30;
      if (env != null && env.matches("[1-9][0-9]{0,5}")) {
        every = Long.parseLong(env);
      }
      return new Pace(terminal, every * 1000);
    }
  }

  private final SparkContext sc;
  private final String study;
  private final long total;
  private final int slices;
  private final PrintWriter out;
  private final Pace pace;
  private final LongAccumulator evaluated;
  private final AtomicLong finished = new AtomicLong();
  private final Map<Long, Long> running = new ConcurrentHashMap<>();
  private final long start = System.nanoTime();
  private final ScheduledExecutorService clock;
  private volatile long lastPrint = System.nanoTime();
  private volatile boolean printed;

  StudyProgress(SparkContext sc, String study, long total, int slices, PrintWriter out, Pace pace) {
    this.sc = sc;
    this.study = study;
    this.total = total;
    this.slices = slices;
    this.out = out;
    this.pace = pace;
    this.evaluated = sc.longAccumulator("mlsysim evaluated candidates");
    sc.addSparkListener(this);
    this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mlsysim-progress");
      t.setDaemon(true);
      return t;
    });
    clock.scheduleWithFixedDelay(this::tick, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** What executors add to, one per evaluated candidate. */
  LongAccumulator counter() {
    return evaluated;
  }

  /** Candidates evaluated so far (finished tasks plus what running tasks last reported). */
  long done() {
    long d = finished.get();
    for (long v : running.values()) {
      d += v;
    }
    return Math.min(d, total);
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (scala.Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
        : scala.jdk.javaapi.CollectionConverters.asJava(update.accumUpdates())) {
      Long v = valueOf(t._4());
      if (v != null) {
        running.put((Long) t._1(), v);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    running.remove(end.taskInfo().taskId());
    // A finished slice counts all its candidates, those outside the study's conditions too (they
    // make no row); only tasks that carry the counter are the study's slices.
    if (end.taskInfo().successful() && valueOf(end.taskInfo().accumulables()) != null) {
      finished.addAndGet(sliceSize(end.taskInfo().index()));
    }
  }

  /** Candidates of slice {@code k}, split as {@link StudyRunner} splits them. */
  long sliceSize(int k) {
    return start(k + 1) - start(k);
  }

  private long start(long k) {
    return java.math.BigInteger.valueOf(k).multiply(java.math.BigInteger.valueOf(total))
        .divide(java.math.BigInteger.valueOf(slices)).longValueExact();
  }

  private Long valueOf(scala.collection.Seq<AccumulableInfo> infos) {
    for (AccumulableInfo i : scala.jdk.javaapi.CollectionConverters.asJava(infos)) {
      if (i.id() == evaluated.id() && i.update().isDefined()) {
        return ((Number) i.update().get()).longValue();
      }
    }
    return null;
  }

  private void tick() {
    long now = System.nanoTime();
    long d = done();
    boolean due = !printed && pace.firstAsap() ? d > 0 : now - lastPrint >= pace.everyMillis() * 1_000_000L;
    if (due && d < total) {
      print(d, now);
    }
  }

  private void print(long d, long now) {
    if (CtrlC.anyPressed()) {
      return;
    }
    lastPrint = now;
    printed = true;
    synchronized (out) {
      out.println(ProgressLine.of(study, d, total, (now - start) / 1e9));
      out.flush();
    }
  }

  /** Stops the clock and, when evaluation completed, says so. */
  void finish(boolean completed) {
    close();
    if (completed) {
      print(total, System.nanoTime());
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
    sc.removeSparkListener(this);
  }
}
