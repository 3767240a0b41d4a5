package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin resolver in a study through the CLI's {@code --plugins}, run by the launcher script
 * in its own JVM, where the plugin is on no class path: the driver compiles the pipeline with
 * it and the executors load it from the jar Spark ships them.
 */
class StudyPluginsTest {
  static SparkSession spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = Sessions.local("local[1]", "StudyPluginsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  record Launched(int code, String out, String err) {}

  static Launched launch(String... args) throws Exception {
    Path project = Path.of("..").toAbsolutePath().normalize();
    String[] cmd = new String[args.length + 1];
    cmd[0] = project.resolve("mlsysim").toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1"); // run what this build made
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish");
    return new Launched(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aPluginResolverRunsInAStudyThroughPlugins() throws Exception {
    Path jar = TestPluginJar.build(dir);
    Path spec = dir.resolve("plugin.yaml");
    Files.writeString(spec, TestPluginJar.spec("plugin"));
    String root = dir.resolve("tables").toString();

    Launched without = launch("study", "run", spec.toString(), "--out", root);
    assertEquals(1, without.code(), without.err());
    assertTrue(without.err().startsWith("error: ") && without.err().contains("'PowerEfficiencyModel'")
        && without.err().strip().lines().count() == 1, without.err());

    Launched with = launch("--plugins", jar.toString(), "study", "run", spec.toString(), "--out", root);
    assertEquals(0, with.code(), with.err());
    Dataset<Row> results = Tables.read(spark, root, Tables.RESULTS);
    String column = Arrays.stream(results.columns()).filter(c -> c.startsWith("flops_per_watt")).findFirst()
        .orElseThrow(() -> new AssertionError("no flops_per_watt column in " + Arrays.toString(results.columns())));
    Row h100 = results.filter("hardware = 'H100'").first();
    assertEquals("ok", h100.getAs("status"), String.valueOf((Object) h100.getAs("reason")));
    // the datasheet's 989 TFLOP/s dense fp16 over its 700 W TDP
    assertEquals(989e12 / 700, h100.<Double>getAs(column), 1e3);
    assertEquals(3, results.filter("status = 'ok'").count());
  }
}
