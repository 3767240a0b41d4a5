package io.mlsysim.spark;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The line a large local study prints when its JVM runs the C1 compiler only. The launcher starts
 * Spark commands with C1 alone because most of them are short (docs/cli.md); a study of millions
 * of candidates is not, and on the 2-core machine the 11,289,600-candidate benchmark took 151 s
 * with C1 and 83 s with C2. The launcher cannot know a study's size before it starts, so the run
 * says it, once, with the setting that gives C2 back.
 */
final class CompilerHint {
  /** Below this, C2's compiling costs about what its faster code saves (measured crossover ≈ 1 M). */
  static final long CANDIDATES = 2_000_000;

  private CompilerHint() {}

  /** The hint for this run, if any; {@code jvmArgs} are the JVM's own arguments, the last flag winning. */
  static Optional<String> line(String study, long candidates, String master, List<String> jvmArgs) {
    if (candidates < CANDIDATES || master == null || !master.startsWith("local") || !c1Only(jvmArgs)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%s: %,d candidates run up to twice as fast with the C2 compiler:"
        + " MLSYSIM_JAVA_OPTS=-XX:TieredStopAtLevel=4 (docs/cli.md, \"Start-up time\")", study, candidates));
  }

  /** The hint for this JVM. */
  static Optional<String> line(String study, long candidates, String master) {
    return line(study, candidates, master, ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static boolean c1Only(List<String> jvmArgs) {
    String level = null;
    for (String a : jvmArgs) {
      if (a.startsWith("-XX:TieredStopAtLevel=")) {
        level = a.substring("-XX:TieredStopAtLevel=".length());
      } else if (a.equals("-XX:-TieredCompilation")) {
        level = "4"; // C2 alone
      }
    }
    return level != null && level.compareTo("4") < 0;
  }
}
