package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.cli.Cli;
import io.mlsysim.cli.GlobalArgs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands this module plugs into the CLI (study and its subcommands, query, mcp) behave like
 * the engine's: --help, -h and help COMMAND work on each, and the global options are read before
 * and after each. A local study uses an overlay and a plugin given either way.
 */
class GlobalOptionsOnSparkCommandsTest {
  static final Path OVERLAY = Path.of("..").toAbsolutePath().normalize().resolve("configs/registry/examples");

  @TempDir
  Path dir;

  static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  static CommandLine tree() {
    return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  /** Paths of the commands this module adds, walked from the tree (a new study subcommand is covered). */
  static List<List<String>> sparkCommandPaths() {
    List<List<String>> paths = new ArrayList<>();
    CommandLine root = tree();
    for (String top : GlobalArgs.SPARK_COMMANDS) {
      walk(root.getSubcommands().get(top), List.of(top), paths);
    }
    return paths;
  }

  private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
    paths.add(path);
    cl.getSubcommands().forEach((name, sub) -> {
      if (sub.getParent() == cl) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        walk(sub, p, paths);
      }
    });
  }

  @Test
  void helpWorksOnEverySparkCommandAllThreeWays() {
    List<List<String>> paths = sparkCommandPaths();
    assertTrue(paths.size() >= 10, "study, its 7 subcommands, query and mcp: " + paths);
    for (List<String> path : paths) {
      String usage = "Usage: mlsysim " + String.join(" ", path) + " ";
      List<String> help = new ArrayList<>(List.of("help"));
      help.addAll(path);
      List<String> dashH = new ArrayList<>(path);
      dashH.add("-h");
      List<String> dashDashHelp = new ArrayList<>(path);
      dashDashHelp.add("--help");
      for (List<String> line : List.of(help, dashH, dashDashHelp)) {
        CliRun r = cli(line.toArray(new String[0]));
        assertEquals(0, r.code(), line + ": " + r.err());
        assertTrue(r.out().startsWith(usage), line + " printed:\n" + r.out());
      }
    }
  }

  @Test
  void globalOptionsReachEverySparkCommandBeforeAndAfterIt() {
    List<String> globals = List.of("--registry", OVERLAY.toString(), "--plugins", "x.jar", "-o", "json");
    for (List<String> path : sparkCommandPaths()) {
      List<String> before = new ArrayList<>(globals);
      before.addAll(path);
      before.add("-h"); // a parse that skips each command's own required arguments
      List<String> after = new ArrayList<>(path);
      after.add("-h");
      after.addAll(globals);
      for (List<String> line : List.of(before, after)) {
        CommandLine.ParseResult leaf = tree().parseArgs(GlobalArgs.moveLast(line.toArray(new String[0])));
        while (leaf.hasSubcommand()) {
          leaf = leaf.subcommand();
        }
        assertEquals(path.get(path.size() - 1), leaf.commandSpec().name(), line.toString());
        assertEquals(List.of(OVERLAY), leaf.matchedOptionValue("--registry", List.of()), line.toString());
        assertEquals(List.of(Path.of("x.jar")), leaf.matchedOptionValue("--plugins", List.of()), line.toString());
        assertEquals("json", String.valueOf((Object) leaf.matchedOptionValue("--output", null)).toLowerCase(),
            line.toString());
      }
    }
  }

  /** An overlay's chip in a local study: --registry after the command, then before it for the frontier. */
  @Test
  void aLocalStudyUsesAnOverlayGivenEitherSide() throws Exception {
    Path spec = dir.resolve("overlay.yaml");
    Files.writeString(spec, String.join("\n", "name: overlay", "pipeline: [SingleNodeModel]", "fixed:",
        "  workload: ResNet50", "space:", "  hardware: [Acme_X1, H100]", "objectives:", "  - minimize: latency_s", ""));
    String root = dir.resolve("tables").toString();
    CliRun without = cli("study", "run", spec.toString(), "--out", root, "--master", "local[1]");
    assertEquals(1, without.code(), without.err());
    assertTrue(without.err().contains("Acme_X1"), without.err());

    CliRun run = cli("study", "run", spec.toString(), "--out", root, "--master", "local[1]", "--registry",
        OVERLAY.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("run ") && run.out().contains("2 rows"), run.out());

    CliRun frontier = cli("--registry", OVERLAY.toString(), "study", "frontier", spec.toString(), "--out", root,
        "--master", "local[1]", "-o", "json");
    assertEquals(0, frontier.code(), frontier.err());
    assertTrue(frontier.out().trim().startsWith("[") || frontier.out().trim().startsWith("{"), frontier.out());
  }

  /** A plugin resolver: the study runs with --plugins before the command, its frontier with --plugins after. */
  @Test
  void aLocalStudyUsesAPluginGivenEitherSide() throws Exception {
    Path jar = TestPluginJar.build(dir);
    Path spec = dir.resolve("plugin.yaml");
    Files.writeString(spec, TestPluginJar.spec("plugin"));
    String root = dir.resolve("tables").toString();
    CliRun run = cli("--plugins", jar.toString(), "study", "run", spec.toString(), "--out", root, "--master", "local[1]");
    assertEquals(0, run.code(), run.err());
    CliRun frontierWithout = cli("study", "frontier", spec.toString(), "--out", root, "--master", "local[1]");
    assertEquals(1, frontierWithout.code(), "the spec names the plugin's resolver: " + frontierWithout.err());
    CliRun frontier = cli("study", "frontier", spec.toString(), "--out", root, "--master", "local[1]", "--plugins",
        jar.toString());
    assertEquals(0, frontier.code(), frontier.err());
    assertTrue(frontier.out().startsWith("Pareto frontier of plugin"), frontier.out());
  }

  /** Through the real launcher: a global option before 'study' still starts it on the Spark class path. */
  @Test
  void theLauncherRoutesAGlobalOptionBeforeStudyToSpark() throws Exception {
    Path project = Path.of("..").toAbsolutePath().normalize();
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(project.resolve("mlsysim").toString(), "--registry", OVERLAY.toString(),
        "study", "show", "--out", dir.resolve("none").toString(), "--master", "local[1]")
        .directory(dir.toFile()).redirectError(err.toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1"); // run what this build made
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the launcher did not finish");
    String stderr = Files.readString(err);
    // study show itself answered (an empty root is its own one-line refusal), not a routing error
    assertEquals(1, p.exitValue(), stderr);
    assertEquals("", out);
    assertTrue(stderr.startsWith("error: no study runs under " + dir.resolve("none")), stderr);
  }
}
