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
 *       configs/studies/quickstart.yaml --out hdfs:///studies [--run-id ID] [--partitions N] [--if-changed]
 * </pre>
 *
 * The spec is validated before the session starts; an invalid one exits with status 1 and a
 * message naming the file, field, value and fix. With {@code --if-changed} an unchanged study
 * exits 0 without starting a session, so a scheduler's nightly no-op asks no cluster for executors.
 */
public final class StudyJob {
  static final String USAGE =
      "usage: StudyJob <study.yaml> [--out DIR] [--run-id ID] [--partitions N] [--if-changed] [--verbose]";

  private StudyJob() {}

  /** The command line, checked. */
  record Args(String spec, String out, String runId, int partitions, boolean ifChanged, boolean verbose) {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, Sessions.configure(SparkSession.builder()));
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the job with a session from {@code builder} (spark-submit supplies the master): 0 when
   * the run was published or skipped as unchanged, 1 for bad arguments or an invalid spec.
   */
  static int run(String[] argv, PrintWriter out, PrintWriter err, SparkSession.Builder builder) {
    Args args;
    StudyPlan plan;
    Zoo zoo;
    try {
      args = parse(argv);
      zoo = Zoo.current();
      plan = StudyPlan.compile(StudySpec.read(Path.of(args.spec())), zoo);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (!args.verbose()) {
      quiet();
    }
    String root = args.out() != null ? args.out() : plan.outputPath() != null ? plan.outputPath() : ".mlsysim/studies";
    String runId = args.runId();
    if (args.ifChanged()) {
      IfChanged.Decision d = IfChanged.decide(RunHistory.hadoopConf(), root, plan, zoo, runId);
      if (d.unchangedSince() != null) {
        err.println(IfChanged.message(d.unchangedSince()));
        return 0;
      }
      if (d.note() != null) {
        err.println(d.note());
      }
      runId = d.runId();
    }
    SparkSession spark = builder.appName("mlsysim study " + plan.name()).getOrCreate();
    try {
      StudyRunner.Summary s = new StudyRunner(spark, err).run(plan, zoo,
          new StudyRunner.Options(root, runId, args.partitions()));
      out.println("study " + s.study() + " run " + s.runId() + ": " + s.rows() + " rows " + s.statusCounts()
          + ", frontier " + s.frontierRows() + " rows, " + s.movement().describe() + ", "
          + String.format("%.1f s", s.seconds()) + ", tables under " + root);
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** Reads the arguments; a mistake is an IllegalArgumentException naming the argument and the usage. */
  static Args parse(String[] args) {
    String spec = null;
    String out = null;
    String runId = null;
    int partitions = 0;
    boolean ifChanged = false;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = value(args, ++i);
        case "--run-id" -> runId = value(args, ++i);
        case "--partitions" -> {
          String v = value(args, ++i);
          try {
            partitions = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--partitions '" + v + "' is not a whole number; " + USAGE);
          }
        }
        case "--if-changed" -> ifChanged = true;
        case "--verbose" -> verbose = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
          }
          if (spec != null) {
            throw new IllegalArgumentException("one study per job, got '" + spec + "' and '" + args[i] + "'; " + USAGE);
          }
          spec = args[i];
        }
      }
    }
    if (spec == null) {
      throw new IllegalArgumentException("no study file given; " + USAGE);
    }
    return new Args(spec, out, runId, partitions, ifChanged, verbose);
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
      throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
    }
    return args[i];
  }
}
