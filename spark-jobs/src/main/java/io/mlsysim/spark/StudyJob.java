package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The study as a Spark application, for spark-submit:
 *
 * <pre>
 *   spark-submit --class io.mlsysim.spark.StudyJob mlsysim-spark-jobs-VERSION-job.jar \
 *       configs/studies/quickstart.yaml --out hdfs:///studies [--run-id ID] [--partitions N]
 * </pre>
 *
 * The spec is validated before the session starts; an invalid one exits with status 1 and a
 * message naming the file, field, value and fix.
 */
public final class StudyJob {
  private StudyJob() {}

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    String spec = null;
    String out = null;
    String runId = null;
    int partitions = 0;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = value(args, ++i);
        case "--run-id" -> runId = value(args, ++i);
        case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
        case "--verbose" -> verbose = true;
        default -> {
          if (args[i].startsWith("--") || spec != null) {
            err.println("usage: StudyJob <study.yaml> [--out DIR] [--run-id ID] [--partitions N] [--verbose]");
            System.exit(1);
          }
          spec = args[i];
        }
      }
    }
    if (spec == null) {
      err.println("usage: StudyJob <study.yaml> [--out DIR] [--run-id ID] [--partitions N] [--verbose]");
      System.exit(1);
    }
    StudyPlan plan;
    Zoo zoo;
    try {
      zoo = Zoo.current();
      plan = StudyPlan.compile(StudySpec.read(Path.of(spec)), zoo);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (!verbose) {
      quiet();
    }
    String root = out != null ? out : plan.outputPath() != null ? plan.outputPath() : ".mlsysim/studies";
    SparkSession spark = Sessions.configure(SparkSession.builder().appName("mlsysim study " + plan.name()))
        .getOrCreate();
    try {
      StudyRunner.Summary s = new StudyRunner(spark, err).run(plan, zoo,
          new StudyRunner.Options(root, runId, partitions));
      System.out.println("study " + s.study() + " run " + s.runId() + ": " + s.rows() + " rows " + s.statusCounts()
          + ", frontier " + s.frontierRows() + " rows, " + String.format("%.1f s", s.seconds()) + ", tables under "
          + root);
    } finally {
      spark.stop();
    }
  }

  /** Spark's INFO lines hidden unless --verbose; harmless where log4j 2 is not the backend. */
  private static void quiet() {
    try {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
      org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.parquet", org.apache.logging.log4j.Level.ERROR);
    } catch (LinkageError e) {
      // another logging backend: leave it as configured
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("error: " + args[i - 1] + " needs a value");
      System.exit(1);
    }
    return args[i];
  }
}
