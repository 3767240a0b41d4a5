package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the spark-submit job reads before any session starts: run ids (the same refusal as the
 * CLI), the spec and overlays through Hadoop URIs or files shipped with --files, and the headline.
 */
class StudyJobInputsTest {
  static final String AIRFLOW = "scheduled__2026-12-01T02:15:00+00:00";

  @TempDir
  Path dir;

  @Test
  void anAirflowRunIdIsTheSameOneLineRefusalFromTheJobAndTheCli() throws Exception {
    Path spec = dir.resolve("flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY);
    Path out = dir.resolve("tables");
    // ':' and '+' are what a run id may not hold; each becomes '-' in the suggestion.
    String expected = "error: --run-id '" + AIRFLOW + "': a run id is 1 to 64 letters, digits, '.', '_' or '-'; "
        + "e.g. --run-id 'scheduled__2026-12-01T02-15-00-00-00' (in an Airflow task, {{ ts_nodash }} gives such an id)";

    StringWriter jobOut = new StringWriter();
    StringWriter jobErr = new StringWriter();
    int code = StudyJob.run(new String[] {spec.toString(), "--out", out.toString(), "--run-id", AIRFLOW},
        new PrintWriter(jobOut, true), new PrintWriter(jobErr, true), SparkSession.builder().master("local[1]"));
    assertEquals(1, code);
    assertEquals(expected, jobErr.toString().strip());
    assertEquals("", jobOut.toString());

    CliRun cli = CliRun.of("study", "run", spec.toString(), "--out", out.toString(), "--run-id", AIRFLOW);
    assertEquals(1, cli.code());
    assertEquals(expected, cli.err().strip());
    assertEquals("", cli.out());
    assertFalse(Files.exists(out), "no partial output");
  }

  @Test
  void validRunIdsPassAndTheSuggestionIsItselfValid() {
    RunIds.check("--run-id", "20261201T021500");
    RunIds.check("--run-id", null);
    assertTrue(RunIds.valid("nightly-2026.12.01_a"));
    assertFalse(RunIds.valid("x".repeat(65)));
    assertTrue(RunIds.valid(RunIds.suggestion(AIRFLOW)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunIds.check("--run-id", "a b"));
    assertEquals("--run-id 'a b': a run id is 1 to 64 letters, digits, '.', '_' or '-'; e.g. --run-id 'a-b'",
        e.getMessage());
  }

  @Test
  void theSpecIsReadThroughAHadoopUriAndFromFilesShippedWithDashDashFiles() throws Exception {
    Path spec = dir.resolve("shipped-flaky.yaml");
    Files.writeString(spec, StudyRunnerTest.FLAKY);
    Configuration conf = new Configuration();

    StudySpec viaUri = JobInputs.spec(conf, spec.toUri().toString());
    assertEquals("flaky", StudyPlan.compile(viaUri, Zoo.builtIn()).name());

    // Not in the working directory: found among spark.files by its name, as a driver in cluster mode does.
    assertFalse(Files.exists(Path.of("shipped-flaky.yaml")));
    String before = System.getProperty("spark.files");
    System.setProperty("spark.files", "file:/elsewhere/other.yaml," + spec.toUri());
    try {
      assertEquals(spec.toUri().toString(), JobInputs.locate("shipped-flaky.yaml"));
      assertEquals("flaky", StudyPlan.compile(JobInputs.spec(conf, "shipped-flaky.yaml"), Zoo.builtIn()).name());
      assertEquals(null, JobInputs.locate("not-shipped.yaml"), "a name nobody shipped is read (and missed) locally");
    } finally {
      if (before == null) {
        System.clearProperty("spark.files");
      } else {
        System.setProperty("spark.files", before);
      }
    }

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> JobInputs.spec(conf, "file:///nope/study.yaml"));
    assertEquals("file:/nope/study.yaml: no such study file; check the path (the driver reads it)", missing.getMessage());
    IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
        () -> JobInputs.spec(conf, dir.toUri().toString()));
    assertTrue(folder.getMessage().endsWith("is a folder, not a study file; name the file itself"), folder.getMessage());
  }

  @Test
  void overlaysNamedByUriJoinTheZoo() {
    Path examples = Path.of("..").toAbsolutePath().normalize().resolve("configs/registry/examples");
    assertFalse(Zoo.builtIn().hardware().contains("Acme_X1"));
    Zoo zoo = JobInputs.zoo(new Configuration(), List.of(examples.toUri().toString()));
    assertTrue(zoo.hardware().contains("Acme_X1"), "the example overlay's accelerator");
    assertTrue(zoo.overlays().stream().anyMatch(o -> o.endsWith("my-accelerator.yaml")), zoo.overlays().toString());
  }

  @Test
  void theHeadlineCountsTheDimensionsTheSpecVaries() {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("flaky.yaml", StudyRunnerTest.FLAKY), Zoo.builtIn());
    // x: 40 values, y: 60, w: 4 grid points, so 9,600 candidates over 3 varied dimensions.
    String line = StudyHeadline.of(plan, "local[1]");
    assertTrue(line.startsWith("flaky: 9,600 candidates ("), line);
    assertTrue(line.contains(", 3 varied dimensions and " + (plan.space().count() - 3) + " fixed, on local[1]"), line);
  }
}
