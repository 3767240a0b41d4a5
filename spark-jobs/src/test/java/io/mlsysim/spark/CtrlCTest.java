package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlsysim study run} in its own JVM, as a user runs it: progress lines come while slices
 * are still running (counted in candidates, with percentage, rate and ETA), and Ctrl-C (a real
 * SIGINT) cancels the Spark jobs, prints one line, exits 130 and leaves no run and no lock.
 */
class CtrlCTest {
  static final String SMALL = StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]");

  @TempDir
  Path dir;

  @Test
  void progressWhileASliceRunsThenCtrlCCancelsWithOneLineAndCommitsNothing() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, SMALL);
    String root = dir.resolve("tables").toString();
    Path marker = dir.resolve("evaluating");
    Path err = dir.resolve("stderr.txt");
    Path out = dir.resolve("stdout.txt");
    // The second of two slices waits at the "evaluate" fault point (until its task is
    // interrupted); the first finishes, so the run is half done and stays there.
    List<String> cmd = PausedCli.command("evaluate", marker, "study", "run",
        spec.toString(), "--out", root, "--run-id", "c1", "--master", "local[2]", "--partitions", "2");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile());
    pb.environment().put("MLSYSIM_PROGRESS_SECONDS", "1"); // stderr is a file here: a line a second
    Process p = pb.start();
    try {
      long count = StudyPlan.compile(StudySpec.parse("flaky.yaml", SMALL), Zoo.builtIn()).strategy().count();
      // Slice 0 of 2 holds candidates [0, count/2): the run shows exactly half done while slice 1 waits.
      String half = String.format(java.util.Locale.ROOT, "flaky: 50%% (%,d of %,d candidates), ", count / 2, count);
      awaitText(p, err, half);
      awaitText(p, err, "ETA ");
      assertTrue(Files.exists(marker), "slice 1 is still evaluating");

      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run ended after Ctrl-C");
      assertEquals(CtrlC.EXIT, p.exitValue(), Files.readString(err));
    } finally {
      p.destroyForcibly();
    }

    String text = Files.readString(err);
    List<String> lines = text.lines().toList();
    String interrupted = "interrupted: study run of flaky cancelled; nothing was committed";
    assertEquals(1, lines.stream().filter(interrupted::equals).count(), text);
    assertEquals(interrupted, lines.get(lines.size() - 1), "the line is the last word:\n" + text);
    Pattern progress = Pattern.compile("flaky: (\\d+)% \\([\\d,]+ of [\\d,]+ candidates\\), [\\d,]+ candidates/s, "
        + "(ETA .+|done), .+ elapsed");
    for (String line : lines.subList(1, lines.size() - 1)) {
      Matcher m = progress.matcher(line);
      assertTrue(m.matches(), "only progress lines between the headline and the interruption: " + line);
      assertTrue(Integer.parseInt(m.group(1)) < 100, line);
    }
    assertTrue(lines.get(0).startsWith("flaky: 2,400 candidates"), lines.get(0));
    assertEquals("", Files.readString(out));
    assertTrue(RunHistory.of(RunHistory.hadoopConf(), root, "flaky").isEmpty(), "nothing committed");
    assertFalse(Files.exists(Path.of(RunLock.path(root, "flaky", "c1").toUri().getPath())), "the run lock is released");
    assertTrue(io.mlsysim.spark.delta.DeltaLogFiles.live(RunHistory.hadoopConf(),
        new org.apache.hadoop.fs.Path(root, "results")).isEmpty(), "no row reached the tables");
  }

  private static void awaitText(Process p, Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!(Files.exists(file) && Files.readString(file).contains(text))) {
      assertTrue(p.isAlive(), "the run ended before printing '" + text + "':\n" + Files.readString(file));
      assertTrue(System.nanoTime() < deadline, "no '" + text + "' in 5 minutes:\n" + Files.readString(file));
      p.waitFor(200, TimeUnit.MILLISECONDS); // wakes early if the process dies
    }
  }
}
