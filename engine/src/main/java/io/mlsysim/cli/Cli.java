package io.mlsysim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
        "Anywhere on the line: -o/--output text|json|markdown, --plugins <jar|dir>,",
        "  --registry <overlay file|dir>.",
        "Exit codes: 0 ok, 1 bad input (the message says the fix), 2 infeasible,",
        "  3 a plan's assertion failed, 4 internal error."},
    subcommands = {ZooCommand.class, EvalCommand.class, ServeCommand.class, TrainCommand.class, AccuracyCommand.class, RunCommand.class, OptimizeCommand.class, ValidateCommand.class, SchemaCommand.class, ExplainCommand.class, PlotCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class})
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
    cl.setExecutionStrategy(parseResult -> {
      CommandLine.ParseResult leaf = parseResult;
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      for (Object mixin : leaf.commandSpec().mixins().values().stream().map(m -> m.userObject()).toList()) {
        if (mixin instanceof GlobalOptions g) {
          try {
            g.applyRegistry();
          } catch (IllegalArgumentException e) { // a bad overlay: one line, as through MLSYSIM_REGISTRY
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
          }
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    int code = cl.execute(moveGlobalOptionsLast(args));
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    // The engine logs nothing; a library's "no SLF4J provider" notice would only be noise on stderr.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, false, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Global options may stand anywhere; picocli reads them on the leaf command, so move them there. */
  static String[] moveGlobalOptionsLast(String[] args) {
    List<String> rest = new ArrayList<>();
    List<String> globals = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        for (int j = i; j < args.length; j++) {
          rest.add(args[j]);
        }
        break;
      }
      if ((a.equals(GlobalOptions.OUTPUT) || a.equals("-o") || a.equals(GlobalOptions.PLUGINS)
          || a.equals(GlobalOptions.REGISTRY)) && i + 1 < args.length) {
        globals.add(a);
        globals.add(args[++i]);
      } else if (a.startsWith(GlobalOptions.OUTPUT + "=") || a.startsWith(GlobalOptions.PLUGINS + "=")
          || a.startsWith(GlobalOptions.REGISTRY + "=")) {
        globals.add(a);
      } else {
        rest.add(a);
      }
    }
    int dashDash = rest.indexOf("--");
    if (dashDash >= 0) {
      rest.addAll(dashDash, globals);
    } else {
      rest.addAll(globals);
    }
    return rest.toArray(new String[0]);
  }
}
