package io.mlsysim.spark;

import io.mlsysim.spark.delta.DeltaLogFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The committed runs of a study, read straight from the runs table's files as its Delta log
 * lists them (see {@link DeltaLogFiles}). Deciding {@code --if-changed} this way needs no Spark
 * session, so a nightly job with nothing to do never asks a cluster for executors.
 */
final class RunHistory {
  /** What the decisions need from one runs row; a run recorded before fingerprints existed has none (null). */
  record Run(String study, String runId, long startedAtMicros, long endedAtMicros, String inputsFingerprint,
      List<String> objectives, String commitId) {}

  private RunHistory() {}

  /** The studies with at least one committed run under the root, sorted. */
  static List<String> studies(Configuration conf, String root) {
    TreeSet<String> out = new TreeSet<>();
    for (DeltaLogFiles.DataFile f : runsFiles(conf, root)) {
      out.add(f.partitionValues().get(Tables.STUDY));
    }
    return List.copyOf(out);
  }

  /** The committed runs of a study, oldest first (by start, then end, then id). */
  static List<Run> of(Configuration conf, String root, String study) {
    List<Callable<Run>> reads = new ArrayList<>();
    for (DeltaLogFiles.DataFile f : runsFiles(conf, root)) {
      if (study.equals(f.partitionValues().get(Tables.STUDY))) {
        reads.add(() -> read(conf, f.path(), study, f.partitionValues().get(Tables.RUN_ID)));
      }
    }
    List<Run> runs = new ArrayList<>(readAll(reads));
    runs.sort(Comparator.comparingLong(Run::startedAtMicros).thenComparingLong(Run::endedAtMicros)
        .thenComparing(Run::runId));
    return runs;
  }

  /** Every committed run under the root, of every study, in no particular order. */
  static List<Run> all(Configuration conf, String root) {
    List<Callable<Run>> reads = new ArrayList<>();
    for (DeltaLogFiles.DataFile f : runsFiles(conf, root)) {
      reads.add(() -> read(conf, f.path(), f.partitionValues().get(Tables.STUDY), f.partitionValues().get(Tables.RUN_ID)));
    }
    return readAll(reads);
  }

  private static List<DeltaLogFiles.DataFile> runsFiles(Configuration conf, String root) {
    ParquetLayout.refuse(conf, root);
    return DeltaLogFiles.live(conf, new Path(root, Tables.RUNS));
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
    return of(conf, root, study).stream().filter(r -> r.runId().equals(runId)).findFirst();
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

  /** One runs row (the runs table holds one per file: each commit writes one row). */
  private static Run read(Configuration conf, Path file, String study, String runId) {
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      Group g = reader.read();
      if (g == null) {
        throw new IOException("it holds no row");
      }
      String objectives = string(g, "objectives");
      return new Run(study, runId, micros(g, "started_at"), micros(g, "ended_at"), string(g, "inputs_fingerprint"),
          objectives == null || objectives.isEmpty() ? List.of() : Arrays.asList(objectives.split(",")),
          string(g, "commit_id"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the runs row " + file + " of run " + runId + " of study "
          + study, e);
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
}
