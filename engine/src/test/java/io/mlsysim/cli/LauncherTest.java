package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real {@code ./mlsysim} script as a process, on the classes this build just made. */
class LauncherTest {

  static Path projectRoot() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  static CliRun launch(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = projectRoot().resolve("mlsysim").toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectRoot().toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1");
    File err = File.createTempFile("mlsysim", ".err");
    pb.redirectError(err);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
    String errText = java.nio.file.Files.readString(err.toPath());
    err.delete();
    return new CliRun(p.exitValue(), out, errText);
  }

  @Test
  void printsTheHardwareTable() throws Exception {
    CliRun r = launch("zoo", "hardware");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("name"), r.out());
    assertTrue(r.out().contains("H100"), r.out());
  }

  @Test
  void unknownCommandExitsOne() throws Exception {
    CliRun r = launch("zoo", "gpus");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("gpus"), r.err());
  }

  @Test
  void evalWithJsonPrintsTheScorecardDictionary() throws Exception {
    CliRun r = launch("eval", "Llama3_8B", "H100", "--output", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"f_status\" : \"PASS\""), r.out());
  }

  @Test
  void failingPlanAssertionExitsThree() throws Exception {
    CliRun r = launch("eval", "configs/plans/failing-assert.yaml");
    assertEquals(3, r.code(), r.err());
  }

  @Test
  void schemaPrintsJsonAndNothingOnStderr() throws Exception {
    CliRun r = launch("schema", "study");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"powers_of_two\""), r.out());
    assertEquals("", r.err(), "diagnostics stay quiet when all is well");
  }
}
