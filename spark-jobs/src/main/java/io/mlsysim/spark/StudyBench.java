package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlsysim study bench}: in one Spark session, times (1) Spark writing N rows of the
 * study's result schema with no evaluation to a Delta table, as the study's own results are, and (2) the study itself (decode, evaluate, write),
 * and reports candidates/s and their ratio; then the frontier and publishing. With
 * {@code --heap-check} it also compares the driver's retained heap for a 10^6- and a
 * 10^8-candidate grid (evaluated, not written).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks a study against a raw Delta write of the same schema and row count.")
final class StudyBench implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY.yaml", defaultValue = "configs/studies/bench.yaml",
      description = "the study (default: ${DEFAULT-VALUE})")
  Path file;

  @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--out", paramLabel = "DIR", description = "scratch folder (default: a temporary one, deleted)")
  Path out;

  @Option(names = "--partitions", defaultValue = "0", description = "Spark partitions (default: the runner's choice)")
  int partitions;

  @Option(names = "--heap-check", description = "also compare driver heap for 10^6 and 10^8 candidate grids")
  boolean heapCheck;

  @Option(names = "--large", paramLabel = "STUDY.yaml", defaultValue = "configs/studies/bench-large.yaml",
      description = "the ≥ 10^8-candidate study of --heap-check (default: ${DEFAULT-VALUE})")
  Path large;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Zoo zoo = Zoo.current();
    StudyPlan plan = StudyPlan.compile(StudySpec.read(file), zoo);
    if (plan.strategy() == null) {
      throw new IllegalArgumentException(file + ": bench needs an index strategy (grid, random, latin_hypercube)");
    }
    Path root = out != null ? out : Files.createTempDirectory("mlsysim-bench");
    SparkSession spark = Sessions.local(master, "mlsysim study bench");
    try {
      StudyRunner runner = new StudyRunner(spark, err);
      long n = plan.strategy().count();
      int slices = partitions > 0 ? partitions
          : (int) Math.max(spark.sparkContext().defaultParallelism() * 2L, (n + 999_999) / 1_000_000);
      o.printf(Locale.ROOT, "bench: %s, %,d candidates, %d columns, %d partitions, master %s, %d cores%n",
          plan.name(), n, StudyRows.schema(plan).size(), slices, spark.sparkContext().master(),
          spark.sparkContext().defaultParallelism());
      o.flush();

      // Warm-up of both paths (JIT, Parquet and Delta writer classes) on a small slice.
      long warm = Math.min(n, 200_000);
      runner.candidates(plan, warm, 2, false).write().format("delta").mode(SaveMode.Overwrite)
          .save(root.resolve("warm-raw").toString());
      runner.candidates(plan, warm, 2, true).write().format("delta").mode(SaveMode.Overwrite)
          .save(root.resolve("warm-eval").toString());

      long t0 = System.nanoTime();
      runner.candidates(plan, n, slices, false).write().format("delta").mode(SaveMode.Overwrite)
          .save(root.resolve("raw").toString());
      double raw = (System.nanoTime() - t0) / 1e9;
      long rawRows = spark.read().format("delta").load(root.resolve("raw").toString()).count();
      o.printf(Locale.ROOT, "raw write (no evaluation):   %,d rows in %6.1f s = %,10.0f rows/s%n", rawRows, raw,
          rawRows / raw);
      o.flush();

      StudyRunner.Summary s = runner.run(plan, zoo, new StudyRunner.Options(root.resolve("tables").toString(),
          "bench", slices));
      double eval = s.evaluateSeconds();
      o.printf(Locale.ROOT, "study (decode+evaluate+write): %,d candidates in %6.1f s = %,10.0f candidates/s%n",
          s.candidates(), eval, s.candidates() / eval);
      o.printf(Locale.ROOT, "ratio to raw write: %.2f (target ≥ 0.5)%n", (s.candidates() / eval) / (rawRows / raw));
      o.printf(Locale.ROOT, "whole run incl. status counts, frontier (%d rows), sources, runs, commit: %.1f s "
          + "(target for 10M: ≤ 120 s)%n", s.frontierRows(), s.seconds());
      o.printf(Locale.ROOT, "statuses: %s%n", s.statusCounts());
      o.flush();

      if (heapCheck) {
        long small = driverHeap(runner, file, "10^6 grid", 1_000_000L, slices);
        long big = driverHeap(runner, large, "10^8 grid", 100_000_000L, slices);
        o.printf(Locale.ROOT, "driver retained heap after a 10^6 grid: %,d KiB; after a 10^8 grid: %,d KiB; "
            + "ratio %.2f (target ≤ 1.2)%n", small / 1024, big / 1024, (double) big / small);
        o.flush();
      }
      return 0;
    } finally {
      spark.stop();
      if (out == null) {
        org.apache.commons.io.FileUtils.deleteQuietly(root.toFile());
      }
    }
  }

  /** Evaluates the first {@code count} grid points of the bench space (no write) and returns used heap after GC. */
  private long driverHeap(StudyRunner runner, Path study, String label, long count, int slices) {
    StudyPlan plan = StudyPlan.compile(StudySpec.read(study), Zoo.current());
    if (plan.strategy().count() < count) {
      throw new IllegalArgumentException(study + ": --heap-check needs a space of at least " + count + " candidates");
    }
    int s = (int) Math.max(slices, count / 2_000_000);
    long t = System.nanoTime();
    long rows = runner.candidates(plan, count, s, true).count();
    double secs = (System.nanoTime() - t) / 1e9;
    long used = usedAfterGc();
    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %,d rows evaluated in %.1f s (%,.0f/s)%n", label, rows, secs,
        rows / secs);
    return used;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
