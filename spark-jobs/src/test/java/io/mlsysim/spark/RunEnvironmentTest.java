package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the tables go is checked before Spark starts, and a place that cannot take them is one
 * line and exit 1 naming the path and the fix: a file given as the output folder, a folder this
 * user cannot write, a URI scheme without a filesystem connector. Two runs of one run id at once
 * are refused, not left to overwrite each other's files.
 */
class RunEnvironmentTest {
  @TempDir
  static Path dir;

  static Path spec() throws IOException {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY.replace("[0, 39]", "[0, 9]"));
    return spec;
  }

  static CliRun run(String out, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("study", "run", spec().toString(), "--out", out, "--master",
        "local[1]"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void aFileAsTheOutputFolderIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    CliTest.assertOneLineError(run(file.toString()), "error: " + file + ": is a file, not a folder; pass --out a folder");
    CliTest.assertOneLineError(run(file + "/tables"), "error: " + file + "/tables: " + file
        + " is a file, so no folder can be created under it");
    assertEquals("x", Files.readString(file), "the file is untouched");
  }

  /**
   * A folder this user cannot write. File modes do not bind root (the build may run as root in a
   * container), so there the folder is one no one can create anything in: /sys is a kernel view.
   */
  @Test
  void aFolderThatCannotBeWrittenIsOneLine() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Path out = Files.isWritable(ro) ? Path.of("/sys/mlsysim-tables") : ro.resolve("tables");
      CliRun r = run(out.toString());
      CliTest.assertOneLineError(r, "error: " + out + ": cannot write there");
      assertTrue(r.err().contains("choose a folder you can write"), r.err());
      assertFalse(Files.exists(out), "nothing created");
      try (var s = Files.list(ro)) {
        assertEquals(0, s.count(), "nothing created in the read-only folder");
      }
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aSchemeWithoutItsConnectorIsOneLine() throws Exception {
    CliRun r = run("s3a://bucket/tables");
    CliTest.assertOneLineError(r, "error: s3a://bucket/tables: no file system connector for the scheme 's3a'");
    // the artifact to add, at the Hadoop version Spark runs (connectors must match it)
    assertTrue(r.err().contains("add org.apache.hadoop:hadoop-aws:" + org.apache.hadoop.util.VersionInfo.getVersion()
        + " with its AWS SDK bundle to MLSYSIM_JARS"), r.err());
    CliTest.assertOneLineError(run("abfss://c@account.dfs.core.windows.net/tables"),
        "error: abfss://c@account.dfs.core.windows.net/tables: no file system connector for the scheme 'abfss'");
    CliTest.assertOneLineError(run("nosuchfs://host/tables"),
        "error: nosuchfs://host/tables: no file system connector for the scheme 'nosuchfs'");
  }

  /** A full disk or a revoked permission in the middle of a run: the chain Spark wraps it in, said in one line. */
  @Test
  void aStorageFailureMidRunIsSaidInOneLine() {
    Exception inSpark = new RuntimeException("Job aborted", new org.apache.spark.SparkException("Task failed",
        new FileSystemException("/data/tables/results/study=s/part-0.parquet", null, "No space left on device")));
    String m = StorageProblem.of(inSpark, "/data/tables").orElseThrow().getMessage();
    assertTrue(m.startsWith("/data/tables: the run could not write its tables ("), m);
    assertTrue(m.contains("No space left on device") && m.contains("the disk is full"), m);
    assertEquals(1, m.lines().count());
    assertTrue(StorageProblem.of(new IllegalStateException("a defect"), "/data/tables").isEmpty(),
        "anything else stays an internal error");
  }

  /**
   * Two runs of one study with one run id, started together: the first holds the run's lock
   * while it publishes (paused there in its own JVM), the second is refused in one line without
   * starting Spark. When the first dies without releasing the lock, its lock is stale (its
   * process is gone) and the run id is free again.
   */
  @Test
  void aSecondRunWithTheSameRunIdIsRefusedWhileTheFirstRuns() throws Exception {
    String root = dir.resolve("shared").toString();
    Path marker = dir.resolve("first-reached-publish");
    List<String> cmd = PausedCli.command("publish", marker, "study", "run",
        spec().toString(), "--out", root, "--run-id", "same", "--master", "local[1]");
    Path log = dir.resolve("first.log");
    Process first = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!Files.exists(marker)) {
        assertTrue(first.isAlive(), "the first run ended early: " + Files.readString(log));
        assertTrue(System.nanoTime() < deadline, "the first run did not reach publishing in 5 minutes");
        first.waitFor(100, TimeUnit.MILLISECONDS);
      }
      Path lock = Path.of(RunLock.path(root, "flaky", "same").toString());
      assertTrue(Files.readString(lock).startsWith(first.pid() + " "), "the first run holds the lock");

      CliRun second = run(root, "--run-id", "same");
      CliTest.assertOneLineError(second, "error: run 'same' of study 'flaky' is already running under " + root
          + " (process " + first.pid() + " on ");
      assertTrue(second.err().contains("pass another --run-id"), second.err());

      first.destroyForcibly(); // dies holding the lock, as a crashed run would
      assertEquals(137, first.waitFor());
      assertTrue(Files.exists(lock), "a killed run cannot release its lock");
      try (RunLock taken = RunLock.acquire(new Configuration(), root, "flaky", "same")) {
        assertTrue(Files.readString(lock).startsWith(ProcessHandle.current().pid() + " "),
            "the lock of a process that is gone is taken over");
      }
      assertFalse(Files.exists(lock), "released");
      assertFalse(Files.exists(Path.of(root, RunLock.DIR)), "the lock folders go with the last lock");
    } finally {
      first.destroyForcibly();
    }
  }
}
