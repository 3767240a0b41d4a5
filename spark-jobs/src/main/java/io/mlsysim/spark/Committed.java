package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;

/**
 * Every committed run under a root, split into whole runs and damaged ones. Checking costs one
 * footer read per data file (no data), done a few at a time because on an object store each is a
 * round trip. A damaged run of one study never hides the runs of another.
 */
record Committed(List<RunHistory.Run> whole, List<String> damaged) {

  static Committed scan(Configuration conf, String root) {
    List<RunHistory.Run> runs = new ArrayList<>();
    for (String study : RunHistory.studies(conf, root)) {
      runs.addAll(RunHistory.of(conf, root, study));
    }
    List<Optional<String>> damage = checkAll(conf, root, runs);
    List<RunHistory.Run> whole = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (damage.get(i).isPresent()) {
        damaged.add(runs.get(i).damaged(damage.get(i).get()));
      } else {
        whole.add(runs.get(i));
      }
    }
    return new Committed(List.copyOf(whole), List.copyOf(damaged));
  }

  private static List<Optional<String>> checkAll(Configuration conf, String root, List<RunHistory.Run> runs) {
    if (runs.size() <= 1) {
      return runs.stream().map(r -> r.damage(conf, root)).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, runs.size()), r -> {
      Thread t = new Thread(r, "mlsysim-run-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Optional<String>>> checks = new ArrayList<>();
      for (RunHistory.Run r : runs) {
        checks.add(pool.submit(() -> r.damage(conf, root)));
      }
      List<Optional<String>> out = new ArrayList<>();
      for (Future<Optional<String>> f : checks) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the runs", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
