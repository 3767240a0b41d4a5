package io.mlsysim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mlsysim} command line. Payload goes to stdout, diagnostics to stderr; exit codes
 * are in {@link ExitCode}. Runs in-process for tests ({@link #run}).
 */
@Command(name = "mlsysim", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Analytical modeling of ML systems: how fast, how big, how costly, how green.",
    footer = {"",
        "Design-space studies on Spark (the ./mlsysim launcher adds Spark for these):",
        "  study <run|show|frontier|diff|bench|plot|report>  see 'mlsysim study --help'",
        "  query \"<SQL>\"                         Spark SQL over study results",
        "  mcp                                   MCP server for AI agents (see 'mlsysim help mcp')",
        "Before or after any command: -o/--output text|json|markdown, --plugins <jar|dir>,",
        "  --registry <overlay file|dir>. Help on any command: help COMMAND [SUBCOMMAND], or -h.",
        "Exit codes: 0 ok, 1 bad input (the message says the fix), 2 infeasible,",
        "  3 a plan's assertion failed, 4 internal error."},
    subcommands = {ZooCommand.class, EvalCommand.class, ServeCommand.class, TrainCommand.class, AccuracyCommand.class, RunCommand.class, OptimizeCommand.class, ValidateCommand.class, SchemaCommand.class, ExplainCommand.class, PlotCommand.class, CompletionCommand.class,
        HelpCommand.class})
public final class Cli implements java.util.concurrent.Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec usageSpec;

  /** Without a subcommand there is nothing to do: show what there is, and fail like a usage error. */
  @Override
  public Integer call() {
    usageSpec.commandLine().usage(usageSpec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }


  /** Runs one command line and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int code = commandLine(out, err).execute(GlobalArgs.moveLast(args));
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The whole command tree, extensions included, as {@link #run} executes it: for tests that walk
   * every command. Give it lines through {@link GlobalArgs#moveLast}, as {@link #run} does.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Cli());
    for (CliExtension ext : java.util.ServiceLoader.load(CliExtension.class)) {
      ext.commands().forEach(cl::addSubcommand);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + UsageErrors.describe(ex));
      err.flush();
      return ExitCode.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof io.mlsysim.core.InfeasibleException) { // valid input, a configuration that cannot run
        err.println("infeasible: " + ex.getMessage());
        err.flush();
        return ExitCode.INFEASIBLE;
      }
      if (ex instanceof IllegalArgumentException) {
        err.println("error: " + ex.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      err.println("internal error: " + ex);
      ex.printStackTrace(err);
      err.flush();
      return ExitCode.INTERNAL_ERROR;
    });
    EveryCommand every = EveryCommand.standardize(cl);
    cl.setExecutionStrategy(parseResult -> {
      CommandLine.ParseResult leaf = parseResult;
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      GlobalOptions g = every.globalsOf(leaf.commandSpec());
      if (g == null || g.registry.isEmpty()) {
        return runLeaf(parseResult, g, every.pluginsAddedTo(leaf.commandSpec()), err);
      }
      // --registry replaces the zoo for this command line only: in-process callers run many.
      io.mlsysim.zoo.Zoo before;
      try {
        before = io.mlsysim.zoo.Zoo.current();
        g.applyRegistry();
      } catch (IllegalArgumentException e) { // a bad overlay: one line, as through MLSYSIM_REGISTRY
        err.println("error: " + e.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      try {
        return runLeaf(parseResult, g, every.pluginsAddedTo(leaf.commandSpec()), err);
      } finally {
        io.mlsysim.zoo.Zoo.setCurrent(before);
      }
    });
    return cl;
  }

  /** Runs the command; --plugins it does not read itself are made visible to it (see {@link PluginContext}). */
  private static int runLeaf(CommandLine.ParseResult parseResult, GlobalOptions g, boolean pluginsAdded,
      PrintWriter err) {
    if (g == null || g.plugins.isEmpty() || !pluginsAdded) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    java.net.URL[] urls;
    try {
      urls = PluginContext.urls(g.plugins);
    } catch (IllegalArgumentException e) { // a missing plugin path: one line
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    return PluginContext.with(urls, () -> new CommandLine.RunLast().execute(parseResult));
  }

  public static void main(String[] args) {
    // The engine logs nothing; a library's "no SLF4J provider" notice would only be noise on stderr.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, false, java.nio.charset.StandardCharsets.UTF_8);
    int code = run(args, out, err);
    if (code == 0 && Boolean.getBoolean("mlsysim.cds.saving")) {
      // the launcher asked the JVM to archive the loaded classes at exit (class-data sharing), which
      // takes a while after the answer is out: say why the command has not returned yet
      err.println("mlsysim: saving the classes this run loaded, for quicker start-ups (once per build, about 190 MB "
          + "under spark-jobs/target/cds; MLSYSIM_CDS=0 turns this off)…");
      err.flush();
    }
    System.exit(code);
  }
}
