package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up promise of the command line, checked structurally rather than by a clock: a
 * command that draws nothing loads neither the chart library, nor AWT, nor our chart package
 * (the JVM's own class-load log says so), while {@code plot} does load them.
 */
class ChartsStayUnloadedTest {
  @TempDir Path dir;

  static List<String> loadedClasses(Path log, String... args) throws Exception {
    Path engine = Path.of(System.getProperty("user.dir"));
    String cp = engine.resolve("target/classes") + File.pathSeparator
        + Files.readString(engine.resolve("target/runtime-classpath.txt")).strip();
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load:file=" + log, "-cp", cp, "io.mlsysim.cli.Cli"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI did not finish");
    assertEquals(0, p.exitValue(), String.join(" ", args));
    return Files.readAllLines(log);
  }

  static boolean drawing(String line) {
    return line.contains(" org.jfree.") || line.contains(" java.awt.") || line.contains(" io.mlsysim.charts.");
  }

  @Test
  void evalLoadsNoChartOrAwtClass() throws Exception {
    List<String> lines = loadedClasses(dir.resolve("eval.log"), "eval", "Llama3_8B", "H100");
    assertTrue(lines.size() > 500, "the log lists the loaded classes");
    assertTrue(lines.stream().anyMatch(l -> l.contains("io.mlsysim.cli.PlotCommand ")), "the plot command is registered");
    assertEquals(List.of(), lines.stream().filter(ChartsStayUnloadedTest::drawing).toList());
  }

  @Test
  void plotLoadsThem() throws Exception {
    List<String> lines = loadedClasses(dir.resolve("plot.log"), "plot", "roofline", "H100", "--to",
        dir.resolve("r.png").toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains(" org.jfree.chart.JFreeChart ")));
  }
}
