package io.mlsysim.spark;

import io.mlsysim.spark.integrity.Manifest;
import io.mlsysim.spark.integrity.RunCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The committed runs of a study, read straight from the runs rows' Parquet files. Deciding
 * {@code --if-changed} this way needs no Spark session, so a nightly job with nothing to do
 * never asks a cluster for executors. A run is committed when its {@code runs} partition holds its
 * runs file (the same rule the views follow).
 */
final class RunHistory {
  /**
   * What the decisions need from one runs row. Older rows have no fingerprint, commit id or
   * manifest (null). {@code unreadable} says why the run's runs file cannot be read (then only
   * the study, the id and the file's time are known).
   */
  record Run(String study, String runId, long startedAtMicros, long endedAtMicros, String inputsFingerprint,
      List<String> objectives, String commitId, Path runsFile, Manifest manifest, Map<String, Long> recorded,
      String unreadable) {

    /** The run's partition folder of a table. */
    Path partition(String root, String table) {
      return Tables.partition(root, table, study, runId);
    }

    /** The data files of one table the run committed: its manifest's, or a pre-manifest run's whole folder. */
    List<Path> files(Configuration conf, String root, String table) {
      if (table.equals(Tables.RUNS)) {
        return List.of(runsFile);
      }
      if (manifest == null) {
        return Manifest.legacyFiles(conf, partition(root, table));
      }
      List<Path> out = new ArrayList<>();
      for (Manifest.Entry e : manifest.files(table)) {
        out.add(new Path(partition(root, table), e.file()));
      }
      return out;
    }

    /** What is wrong with the run's files, in one line naming the table; empty when it is whole. */
    Optional<String> damage(Configuration conf, String root) {
      if (unreadable != null) {
        return Optional.of("runs: " + unreadable);
      }
      Map<String, Path> partitions = new LinkedHashMap<>();
      for (String t : Tables.DATA_TABLES) {
        partitions.put(t, partition(root, t));
      }
      return RunCheck.damage(conf, partitions, manifest, recorded);
    }

    /** The one line that reports a damaged run and how to repair it. */
    String damaged(String what) {
      return "run " + runId + " of study " + study + " is damaged: " + what + "; re-run it to replace it "
          + "(mlsysim study run <spec> --run-id " + runId + ")";
    }
  }

  private RunHistory() {}

  /** The studies with at least one committed run under the root, sorted. */
  static List<String> studies(Configuration conf, String root) {
    List<String> out = new ArrayList<>();
    for (FileStatus s : list(conf, new Path(root, Tables.RUNS))) {
      String n = s.getPath().getName();
      if (s.isDirectory() && n.startsWith("study=")) {
        out.add(n.substring("study=".length()));
      }
    }
    out.sort(null);
    return out;
  }

  /** The committed runs of a study, oldest first (by start, then end, then id). */
  static List<Run> of(Configuration conf, String root, String study) {
    List<Callable<Run>> reads = new ArrayList<>();
    for (FileStatus d : list(conf, new Path(new Path(root, Tables.RUNS), "study=" + study))) {
      String n = d.getPath().getName();
      if (d.isDirectory() && n.startsWith("run_id=")) {
        reads.add(() -> read(conf, d.getPath(), study, n.substring("run_id=".length())));
      }
    }
    List<Run> runs = new ArrayList<>();
    for (Run r : readAll(reads)) {
      if (r != null) {
        runs.add(r);
      }
    }
    runs.sort(Comparator.comparingLong(Run::startedAtMicros).thenComparingLong(Run::endedAtMicros)
        .thenComparing(Run::runId));
    return runs;
  }

  /**
   * Reads the rows a few at a time: a study run every night for years has a thousand runs rows,
   * and on an object store each read is a round trip.
   */
  private static List<Run> readAll(List<Callable<Run>> reads) {
    if (reads.size() <= 1) {
      List<Run> out = new ArrayList<>();
      for (Callable<Run> r : reads) {
        try {
          out.add(r.call());
        } catch (Exception e) {
          throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, reads.size()), r -> {
      Thread t = new Thread(r, "mlsysim-run-history");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Run> out = new ArrayList<>();
      for (Future<Run> f : pool.invokeAll(reads)) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the runs rows", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The latest committed run of a study by start time, leaving out one run id (or none). */
  static Optional<Run> latest(Configuration conf, String root, String study, String excludingRunId) {
    List<Run> runs = of(conf, root, study);
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (!runs.get(i).runId().equals(excludingRunId)) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /** The committed run with this id, if any. */
  static Optional<Run> find(Configuration conf, String root, String study, String runId) {
    return Optional.ofNullable(read(conf, Tables.partition(root, Tables.RUNS, study, runId), study, runId));
  }

  /** As {@link #latest}, passing over runs whose files are damaged (they cannot be compared with). */
  static Optional<Run> latestWhole(Configuration conf, String root, String study, String excludingRunId) {
    List<Run> runs = of(conf, root, study);
    for (int i = runs.size() - 1; i >= 0; i--) {
      Run r = runs.get(i);
      if (!r.runId().equals(excludingRunId) && r.damage(conf, root).isEmpty()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * A Hadoop configuration for use before any Spark session exists: Spark's own
   * {@code spark.hadoop.*} settings (from spark-submit's --conf or system properties) applied,
   * so an object-store root resolves with the same credentials the job will use.
   */
  static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    for (scala.Tuple2<String, String> kv : new org.apache.spark.SparkConf().getAllWithPrefix("spark.hadoop.")) {
      conf.set(kv._1(), kv._2());
    }
    return conf;
  }

  /**
   * The run's committed record. A replacement publishes its runs file next to the old one and
   * only then removes the old one, so a folder may briefly (or after a crash) hold two: the one
   * with the greater commit id is the run. A runs file that cannot be read makes the run damaged.
   */
  private static Run read(Configuration conf, Path dir, String study, String runId) {
    Run best = null;
    for (Path f : Manifest.dataFiles(conf, dir)) {
      Run r;
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f).withConf(conf).build()) {
        Group g = reader.read();
        if (g == null) {
          throw new IOException("it holds no row");
        }
        r = run(g, study, runId, f);
      } catch (IOException | RuntimeException e) {
        return new Run(study, runId, modifiedMicros(conf, f), modifiedMicros(conf, f), null, List.of(), null, f, null,
            Map.of(), "file " + f.getName() + " is not a readable Parquet file");
      }
      if (best == null || compare(r.commitId(), best.commitId()) > 0) {
        best = r;
      }
    }
    return best;
  }

  private static Run run(Group g, String study, String runId, Path file) {
    String objectives = string(g, "objectives");
    Map<String, Long> recorded = new LinkedHashMap<>();
    for (String[] c : new String[][] {{Tables.RESULTS, "rows"}, {Tables.FRONTIER, "frontier_rows"},
        {Tables.SOURCES, "sources_rows"}, {Tables.FRONTIER_CHANGES, "frontier_changes_rows"}}) {
      if (g.getType().containsField(c[1]) && g.getFieldRepetitionCount(c[1]) > 0) {
        recorded.put(c[0], g.getLong(c[1], 0));
      }
    }
    return new Run(study, runId, micros(g, "started_at"), micros(g, "ended_at"), string(g, "inputs_fingerprint"),
        objectives == null || objectives.isEmpty() ? List.of() : Arrays.asList(objectives.split(",")),
        string(g, "commit_id"), file, Manifest.parse(string(g, "manifest")), recorded, null);
  }

  /** Commit ids sort by time; a run recorded before commit ids existed (null) is older than any. */
  private static int compare(String a, String b) {
    return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
  }

  private static long modifiedMicros(Configuration conf, Path f) {
    try {
      return f.getFileSystem(conf).getFileStatus(f).getModificationTime() * 1_000;
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }

  private static String string(Group g, String field) {
    return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0 ? g.getString(field, 0) : null;
  }

  /** A timestamp as microseconds since the epoch, whichever of Spark's Parquet encodings wrote it. */
  static long micros(Group g, String field) {
    if (!g.getType().containsField(field) || g.getFieldRepetitionCount(field) == 0) {
      return Long.MIN_VALUE;
    }
    Type t = g.getType().getType(field);
    if (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
      // Spark's default: 8 bytes of nanoseconds in the day, then the Julian day, little-endian.
      ByteBuffer b = g.getInt96(field, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanosOfDay = b.getLong();
      long julianDay = b.getInt();
      return (julianDay - 2_440_588L) * 86_400_000_000L + nanosOfDay / 1_000;
    }
    long v = g.getLong(field, 0);
    if (t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
      return switch (ts.getUnit()) {
        case MILLIS -> v * 1_000;
        case MICROS -> v;
        case NANOS -> v / 1_000;
      };
    }
    return v;
  }

  private static FileStatus[] list(Configuration conf, Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
