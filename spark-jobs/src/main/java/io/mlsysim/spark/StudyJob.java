package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The study as a Spark application, for spark-submit:
 *
 * <pre>
 *   spark-submit --class io.mlsysim.spark.StudyJob mlsysim-spark-jobs-VERSION-job.jar \
 *       configs/studies/quickstart.yaml --out hdfs:///studies [--run-id ID] [--partitions N] [--if-changed]
 *       [--registry OVERLAY]... [--catalog DB]
 * </pre>
 *
 * The spec and overlays may be local paths, URIs of any Hadoop file system or names of files
 * shipped with {@code --files} (see {@link JobInputs}), so cluster deploy mode works. The spec is
 * validated before the session starts; an invalid one exits with status 1 and a message naming
 * the file, field, value and fix. Any failure ends the driver with a non-zero exit status, which
 * is what spark-submit (client mode, YARN) and a standalone master (driver state FAILED) report.
 * With {@code --if-changed} an unchanged study exits 0 without starting a session, so a
 * scheduler's nightly no-op asks no cluster for executors.
 */
public final class StudyJob {
  static final String USAGE =
      "usage: StudyJob <study.yaml> [--out DIR] [--run-id ID] [--partitions N] [--if-changed] [--registry OVERLAY]... "
          + "[--catalog DB] [--verbose]";

  private StudyJob() {}

  /** The command line, checked. */
  record Args(String spec, String out, String runId, int partitions, boolean ifChanged, List<String> registry,
      boolean verbose, String catalog) {}

  public static void main(String[] args) {
    if (!java.util.Arrays.asList(args).contains("--verbose")) {
      JobLogs.quiet(); // first: Spark's default log profile must not be the one in force
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = run(args, out, err, Sessions.configure(SparkSession.builder()));
    } catch (Exception e) { // Spark's exceptions are checked ones, thrown undeclared from Scala
      // A run that fails mid-way: one line first, then (it may be a bug) the trace for whoever debugs it.
      err.println("error: study run failed: " + e);
      e.printStackTrace(err);
      code = 1;
    }
    err.flush();
    if (code != 0) {
      // spark-submit reports the driver's exit status: a failed run must not look like success.
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
    String root;
    try {
      args = parse(argv);
      zoo = JobInputs.zoo(RunHistory.hadoopConf(), args.registry());
      Zoo.setCurrent(zoo);
      StudySpec spec = JobInputs.spec(RunHistory.hadoopConf(), args.spec());
      plan = StudyPlan.compile(spec, zoo);
      root = args.out() != null ? args.out() : plan.outputPath() != null ? plan.outputPath() : ".mlsysim/studies";
      ParquetLayout.refuse(RunHistory.hadoopConf(), root);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    String runId = args.runId();
    if (args.ifChanged()) {
      IfChanged.Decision d = IfChanged.decide(RunHistory.hadoopConf(), root, plan, zoo, runId);
      if (d.unchangedSince() != null) {
        err.println(IfChanged.message(d.unchangedSince()));
        return 0;
      }
      runId = d.runId();
    }
    SparkSession spark = builder.appName("mlsysim study " + plan.name()).getOrCreate();
    try {
      err.println(StudyHeadline.of(plan, spark.sparkContext().master()));
      StudyRunner.Summary s;
      try {
        s = new StudyRunner(spark, err).run(plan, zoo, new StudyRunner.Options(root, runId, args.partitions(), args.catalog()));
      } catch (IllegalArgumentException e) { // e.g. the same run id already running: one line
        err.println("error: " + e.getMessage());
        return 1;
      } catch (Exception e) { // a full disk or a revoked permission mid-run: one line, not a trace
        java.util.Optional<StorageProblem> storage = StorageProblem.of(e, root);
        if (storage.isEmpty()) {
          throw CtrlC.<RuntimeException>rethrow(e);
        }
        err.println("error: " + storage.get().getMessage());
        return 1;
      }
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
    String catalog = null;
    List<String> registry = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = value(args, ++i);
        case "--run-id" -> {
          runId = value(args, ++i);
          RunIds.check("--run-id", runId);
        }
        case "--registry" -> registry.add(value(args, ++i));
        case "--partitions" -> {
          String v = value(args, ++i);
          try {
            partitions = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--partitions '" + v + "' is not a whole number; " + USAGE);
          }
        }
        case "--if-changed" -> ifChanged = true;
        case "--catalog" -> {
          catalog = value(args, ++i);
          if (!io.mlsysim.dse.StudySpec.isCatalogName(catalog)) {
            throw new IllegalArgumentException("--catalog '" + catalog + "' is not a database name; "
                + io.mlsysim.dse.StudySpec.CATALOG_NAME_RULE);
          }
        }
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
    return new Args(spec, out, runId, partitions, ifChanged, List.copyOf(registry), verbose, catalog);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
    }
    return args[i];
  }
}
