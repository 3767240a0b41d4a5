package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a study tells its user that C2 would run it faster: large, local, and C1 only. */
class CompilerHintTest {
  static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1", "-Xmx3g");

  @Test
  void aLargeLocalStudyUnderC1SaysHowToGetC2Back() {
    Optional<String> line = CompilerHint.line("bench", 11_289_600, "local[*]", C1);
    assertEquals(Optional.of("bench: 11,289,600 candidates run up to twice as fast with the C2 compiler:"
        + " MLSYSIM_JAVA_OPTS=-XX:TieredStopAtLevel=4 (docs/cli.md, \"Start-up time\")"), line);
  }

  @Test
  void smallStudiesClustersAndC2RunsSayNothing() {
    assertTrue(CompilerHint.line("quickstart", 57_600, "local[*]", C1).isEmpty());
    assertTrue(CompilerHint.line("big", 1_999_999, "local[2]", C1).isEmpty());
    assertTrue(CompilerHint.line("big", 2_000_000, "local[2]", C1).isPresent());
    assertTrue(CompilerHint.line("big", 50_000_000, "spark://127.0.0.1:7077", C1).isEmpty(),
        "executors are Spark's JVMs, not the launcher's");
    assertTrue(CompilerHint.line("big", 50_000_000, "local[*]", List.of("-XX:TieredStopAtLevel=1",
        "-XX:TieredStopAtLevel=4")).isEmpty(), "the last flag wins, as in the JVM");
    assertTrue(CompilerHint.line("big", 50_000_000, "local[*]", List.of("-Xmx3g")).isEmpty(), "the JVM's default has C2");
  }
}
