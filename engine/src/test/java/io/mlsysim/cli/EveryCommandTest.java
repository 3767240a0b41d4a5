package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of the tree, walked rather than listed (a new command is covered the day it is
 * added): --help, -h and help COMMAND print its usage and exit 0, and the global options are read
 * wherever they stand on the line.
 */
class EveryCommandTest {
  static final Path OVERLAY = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("configs/registry/examples");

  /** Every command's path below the root, e.g. [zoo, hardware]; the help command itself excluded. */
  static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    walk(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), List.of(), paths);
    return paths;
  }

  private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
    cl.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help") && sub.getParent() == cl) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        paths.add(p);
        walk(sub, p, paths);
      }
    });
  }

  @Test
  void theWalkFindsTheEngineCommandsAndTheirSubcommands() {
    List<String> names = commandPaths().stream().map(p -> String.join(" ", p)).toList();
    for (String expected : List.of("eval", "serve", "train", "accuracy", "optimize", "run", "explain", "validate",
        "schema", "completion", "zoo", "zoo hardware", "zoo resolvers", "plot", "plot roofline")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
  }

  @Test
  void helpWorksForEveryCommandAllThreeWays() {
    for (List<String> path : commandPaths()) {
      String usage = "Usage: mlsysim " + String.join(" ", path) + " ";
      for (List<String> line : List.of(concat(path, "--help"), concat(path, "-h"), concat(List.of("help"), path.toArray(new String[0])))) {
        CliRun r = CliRun.of(line.toArray(new String[0]));
        assertEquals(0, r.code(), line + ": " + r.err());
        assertTrue(r.out().startsWith(usage), line + " printed:\n" + r.out());
        assertEquals("", r.err(), line + ": nothing on stderr");
      }
    }
  }

  /** The usage line of eval names its two forms once each, not picocli's repetition of a two-word label. */
  @Test
  void helpEvalPrintsACleanUsageLine() {
    CliRun r = CliRun.of("help", "eval");
    assertEquals(0, r.code(), r.err());
    String usage = r.out().substring(0, r.out().indexOf("Three-lens"));
    assertEquals(1, usage.split("WORKLOAD HARDWARE \\| PLAN", -1).length - 1, usage);
  }

  @Test
  void helpForAnUnknownSubcommandIsOneLineWithTheNearestName() {
    CliRun r = CliRun.of("help", "zoo", "hardwre");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals("error: help: 'hardwre' is not a command of mlsysim zoo; did you mean 'hardware'?; commands: "
        + "grids, hardware, resolvers, scenarios, systems, walls, workloads", r.err().strip());
  }

  /**
   * Parsed, not run (each command needs its own arguments; -h lets the parse skip them): the leaf
   * command of the line receives --registry, --plugins and --output whether they come before the
   * command or after it.
   */
  @Test
  void globalOptionsReachEveryCommandBeforeAndAfterIt() {
    List<String> globals = List.of("--registry", OVERLAY.toString(), "--plugins", "x.jar", "-o", "json");
    for (List<String> path : commandPaths()) {
      List<String> before = new ArrayList<>(globals);
      before.addAll(path);
      before.add("-h");
      List<String> after = new ArrayList<>(path);
      after.add("-h");
      after.addAll(globals);
      for (List<String> line : List.of(before, after)) {
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.ParseResult leaf = cl.parseArgs(GlobalArgs.moveLast(line.toArray(new String[0])));
        while (leaf.hasSubcommand()) {
          leaf = leaf.subcommand();
        }
        assertEquals(path.get(path.size() - 1), leaf.commandSpec().name(), line.toString());
        assertEquals(List.of(OVERLAY), leaf.matchedOptionValue("--registry", List.of()), line.toString());
        assertEquals(List.of(Path.of("x.jar")), leaf.matchedOptionValue("--plugins", List.of()), line.toString());
        assertEquals("json", String.valueOf((Object) leaf.matchedOptionValue("--output", null)).toLowerCase(), line.toString());
      }
    }
  }

  /** Run for real: an overlay's chip is listed and evaluated with --registry on either side. */
  @Test
  void anOverlayGivenBeforeOrAfterTheCommandIsUsed() {
    for (String[] line : List.of(
        new String[] {"--registry", OVERLAY.toString(), "zoo", "hardware", "--name", "Acme*"},
        new String[] {"zoo", "hardware", "--name", "Acme*", "--registry", OVERLAY.toString()},
        new String[] {"--registry=" + OVERLAY, "-o", "json", "zoo", "hardware", "--name", "Acme*"})) {
      CliRun r = CliRun.of(line);
      assertEquals(0, r.code(), String.join(" ", line) + ": " + r.err());
      assertTrue(r.out().contains("Acme_X1"), r.out());
    }
    CliRun eval = CliRun.of("-o", "json", "--registry", OVERLAY.toString(), "eval", "Llama3_8B", "Acme_X1");
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("\"f_status\""), eval.out());
    // the overlay was for that line only: the next line sees the built-in zoo
    CliRun later = CliRun.of("zoo", "hardware", "--name", "Acme*");
    assertFalse(later.out().contains("Acme_X1"), later.out());
  }

  @Test
  void theCommandWordIsFoundPastGlobalOptionsAndHelp() {
    assertEquals("study", GlobalArgs.command(new String[] {"--registry", "study", "study", "show"}));
    assertEquals("study", GlobalArgs.command(new String[] {"--plugins", "x.jar", "-o", "json", "study", "run"}));
    assertEquals("query", GlobalArgs.command(new String[] {"help", "query"}));
    assertEquals("eval", GlobalArgs.command(new String[] {"--output=json", "eval", "study"}));
    assertEquals("help", GlobalArgs.command(new String[] {"help"}));
    assertEquals("", GlobalArgs.command(new String[] {"--version"}));
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(b));
    return out;
  }
}
