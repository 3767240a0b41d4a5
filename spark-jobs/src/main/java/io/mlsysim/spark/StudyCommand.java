package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlsysim study run|show|frontier|diff|bench|plot|report|convert|vacuum}. */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = "Design-space studies on Spark (embedded local Spark unless --master says otherwise).",
    subcommands = {StudyCommand.Run.class, StudyCommand.Show.class, StudyCommand.FrontierCmd.class,
        StudyDiff.class, StudyBench.class, StudyPlot.class, StudyReport.class, StudyConvert.class, StudyVacuum.class})
final class StudyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }

  static void checkFormat(String format) {
    if (!List.of("text", "json", "markdown").contains(format.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("'" + format + "' is not an output format; use text, json or markdown");
    }
  }

  /** Options shared by the subcommands. */
  static class Common {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "tables root (default: the spec's output.path, "
        + "else $MLSYSIM_STUDIES, else .mlsysim/studies)")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE})",
        defaultValue = Sessions.DEFAULT_MASTER)
    String master;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
        description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    String format;

    String root(String fromSpec) {
      if (out != null) {
        return out;
      }
      if (fromSpec != null) {
        return fromSpec;
      }
      String env = System.getenv("MLSYSIM_STUDIES");
      return env != null && !env.isBlank() ? env : ".mlsysim/studies";
    }

    PrintWriter stdout() {
      return spec.commandLine().getOut();
    }

    PrintWriter stderr() {
      return spec.commandLine().getErr();
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs a study and prints its Pareto frontier, one row per distinct objective vector. "
          + "Progress goes to stderr.")
  static final class Run extends Common implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "the study spec")
    Path file;

    @Option(names = "--run-id", paramLabel = "ID", description = "run id (re-running an id replaces that run)")
    String runId;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Spark partitions")
    int partitions;

    @Option(names = "--catalog", paramLabel = "DB", description = "also register the tables, and views of their "
        + "committed runs (committed_results …), in this database of the Spark session catalog (default: the spec's "
        + "output.catalog)")
    String catalog;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
        description = "distinct objective vectors of the frontier to print (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--plugins", paramLabel = "JAR|DIR", split = ":",
        description = "plugin jars (or folders of jars) whose resolvers the pipeline names; shipped to the executors")
    List<Path> plugins = new java.util.ArrayList<>();

    @Option(names = "--if-changed", description = "do nothing when the study's latest run under the tables root has "
        + "the same inputs fingerprint (spec, zoo, engine version, resolvers, strategy, seed)")
    boolean ifChanged;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr (errors still go there)")
    boolean quiet;

    @Option(names = "--max-candidates", paramLabel = "N", defaultValue = "" + CandidateCap.DEFAULT,
        description = "refuse a study whose strategy would evaluate more candidates than this in one run "
            + "(default: ${DEFAULT-VALUE})")
    long maxCandidates;

    @Override
    public Integer call() {
      checkFormat(format);
      checkLimit(limit);
      RunIds.check("--run-id", runId);
      if (catalog != null && !io.mlsysim.dse.StudySpec.isCatalogName(catalog)) {
        throw new IllegalArgumentException("--catalog '" + catalog + "' is not a database name; "
            + io.mlsysim.dse.StudySpec.CATALOG_NAME_RULE);
      }
      // Everything the user wrote is checked before Spark starts, and so is where the tables go.
      Zoo zoo = Zoo.current();
      PluginJars jars = PluginJars.of(plugins);
      StudyPlan plan = jars.onDriver(() -> StudyPlan.compile(StudySpec.read(file), zoo));
      CandidateCap.check(plan, maxCandidates);
      String root = root(plan.outputPath());
      Sessions.quietLogs();
      OutputRoot.check(RunHistory.hadoopConf(), root);
      ParquetLayout.refuse(RunHistory.hadoopConf(), root);
      if (runId != null) { // a run with this id already going: refused now, not after Spark has started
        RunLock.acquire(RunHistory.hadoopConf(), root, plan.name(), runId).close();
      }
      String id = runId;
      if (ifChanged) {
        Sessions.quietLogs();
        IfChanged.Decision d = IfChanged.decide(RunHistory.hadoopConf(), root, plan, zoo, runId);
        if (d.unchangedSince() != null) {
          stderr().println(IfChanged.message(d.unchangedSince()));
          stderr().flush();
          if (format.equalsIgnoreCase("json")) {
            stdout().print(IfChanged.json(d.unchangedSince(), root));
            stdout().flush();
          }
          return 0;
        }
        id = d.runId();
      }
      SparkSession spark = Sessions.local(master, "mlsysim study " + plan.name());
      jars.shipTo(spark.sparkContext());
      try {
        if (!quiet) {
          stderr().println(StudyHeadline.of(plan, spark.sparkContext().master()));
          CompilerHint.line(plan.name(), StudyHeadline.candidates(plan), spark.sparkContext().master())
              .ifPresent(stderr()::println);
          stderr().flush();
        }
        StudyRunner.Summary s;
        try (CtrlC ctrlC = CtrlC.during(spark.sparkContext(), stderr(), "study run of " + plan.name())) {
          try {
            s = new StudyRunner(spark, quiet ? null : stderr()).run(plan, zoo,
                new StudyRunner.Options(root, id, partitions, catalog));
          } catch (Exception e) { // Spark's exceptions are checked ones, thrown undeclared from Scala
            if (ctrlC.pressed()) { // the line is out; the cancelled jobs' exceptions are no news
              return CtrlC.EXIT;
            }
            // a full disk or a revoked permission mid-run: one line, not a trace
            java.util.Optional<StorageProblem> storage = StorageProblem.of(e, root);
            if (storage.isPresent()) {
              throw storage.get();
            }
            throw CtrlC.<RuntimeException>rethrow(e);
          }
        }
        // the frontier the run just committed, as the run holds it: no read-back
        if (format.equalsIgnoreCase("json")) { // one object: run id, counts, table paths, frontier
          java.io.StringWriter lines = new java.io.StringWriter();
          FrontierPrinter.print(s.frontier(), plan, 1, limit, format, new PrintWriter(lines));
          stdout().print(RunJson.of(s, lines.toString()));
        } else {
          FrontierPrinter.print(s.frontier(), plan, 1, limit, format, stdout());
        }
        if (format.equalsIgnoreCase("text")) {
          stdout().printf("%nrun %s: %,d rows %s; tables under %s (mlsysim query \"SELECT … FROM results\")%n",
              s.runId(), s.rows(), s.statusCounts(), root);
        }
        stdout().flush();
        return 0;
      } finally {
        spark.stop();
      }
    }
  }

  /** Prints a run's frontier, one row per distinct objective vector (see {@link FrontierPrinter}). */
  static void printFrontier(SparkSession spark, String root, StudyPlan plan, RunHistory.Run run, int rank, int limit,
      String format, PrintWriter out) {
    FrontierPrinter.print(spark, root, plan, run, rank, limit, format, out);
  }

  /** --limit counts printed objective vectors; none is never what anyone asked for. */
  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit " + limit + ": it counts objective vectors to print; use 1 or more");
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Lists the committed runs.")
  static final class Show extends Common implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY", description = "only this study")
    String study;

    @Override
    public Integer call() {
      checkFormat(format);
      String root = root(null);
      Sessions.quietLogs();
      ParquetLayout.refuse(RunHistory.hadoopConf(), root);
      SparkSession spark = Sessions.local(master, "mlsysim study show");
      try {
        Tables.registerViews(spark, root);
        Dataset<Row> runs = spark.sql(sql(study));
        List<Row> rows = runs.collectAsList();
        if (rows.isEmpty() && study != null) {
          throw new IllegalArgumentException("no runs of study '" + study + "' under " + root);
        }
        stdout().print(Tabulate.render(runs.schema(), rows, format));
        stdout().flush();
        return 0;
      } finally {
        spark.stop();
      }
    }

    /** The listing; frontier_added/removed/kept are null on runs from before they were recorded. */
    static String sql(String study) {
      return "SELECT study, run_id, started_at, wall_seconds, strategy, candidates, rows, ok, infeasible, "
          + "constraint_violated, error, frontier_rows, frontier_added, frontier_removed, frontier_kept, spark_master "
          + "FROM runs" + (study == null ? "" : " WHERE study = '" + study.replace("'", "''") + "'")
          + " ORDER BY started_at";
    }
  }

  @Command(name = "frontier", mixinStandardHelpOptions = true,
      description = "Prints the Pareto frontier of a study's run (the latest unless --run-id), one row per "
          + "distinct objective vector.")
  static final class FrontierCmd extends Common implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "the study spec (for its objectives)")
    Path file;

    @Option(names = "--run-id", paramLabel = "ID", description = "which run (default: the latest)")
    String runId;

    @Option(names = "--rank", paramLabel = "R", defaultValue = "1", description = "show ranks up to R (1-3)")
    int rank;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
        description = "distinct objective vectors to print (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      checkFormat(format);
      checkLimit(limit);
      StudyPlan plan = StudyPlan.compile(StudySpec.read(file), Zoo.current());
      String root = root(plan.outputPath());
      // Which run is decided before Spark starts.
      Sessions.quietLogs();
      org.apache.hadoop.conf.Configuration conf = RunHistory.hadoopConf();
      List<RunHistory.Run> runs = RunHistory.of(conf, root, plan.name());
      if (runs.isEmpty()) {
        throw new IllegalArgumentException("no runs of study '" + plan.name() + "' under " + root
            + "; run it first: mlsysim study run " + file);
      }
      RunHistory.Run run = runId == null
          ? runs.stream().max(java.util.Comparator.comparingLong(RunHistory.Run::endedAtMicros)).orElseThrow()
          : runs.stream().filter(r -> r.runId().equals(runId)).findFirst().orElseThrow(() ->
              new IllegalArgumentException("--run-id '" + runId + "': study '" + plan.name()
                  + "' has no committed run with that id under " + root + " (mlsysim study show " + plan.name() + ")"));
      SparkSession spark = Sessions.local(master, "mlsysim study frontier");
      try {
        printFrontier(spark, root, plan, run, rank, limit, format, stdout());
        stdout().flush();
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
