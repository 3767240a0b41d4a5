package io.mlsysim.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a CLI run in a JVM of its own that stops at a {@link Faults} point: a test
 * starts it, waits for the marker file and then kills or interrupts it, as a crash or a Ctrl-C
 * would. The child JVM gets this JVM's module openings and system properties and class path.
 */
final class PausedCli {
  private PausedCli() {}

  static List<String> command(String point, Path marker, String... cliArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:") || a.startsWith("-D")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-D" + Faults.PAUSE_AT + "=" + point, "-D" + Faults.MARKER + "=" + marker,
        "-cp", System.getProperty("java.class.path"), "io.mlsysim.cli.Cli"));
    cmd.addAll(List.of(cliArgs));
    return cmd;
  }
}
