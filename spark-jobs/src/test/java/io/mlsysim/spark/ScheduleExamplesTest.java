package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlsysim.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The examples in configs/schedules stay runnable: the class they submit exists, the study file
 * they name ships in configs/studies, and their arguments parse with the real parsers.
 */
class ScheduleExamplesTest {
  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCHEDULES = PROJECT.resolve("configs/schedules");

  @Test
  void theKubernetesCronJobSubmitsTheStudyJobOnceAtATimeWithTablesEveryPodSees() throws Exception {
    JsonNode cron = new ObjectMapper(new YAMLFactory()).readTree(SCHEDULES.resolve("k8s-cronjob.yaml").toFile());
    assertEquals("batch/v1", cron.path("apiVersion").asText());
    assertEquals("CronJob", cron.path("kind").asText());
    assertEquals(5, cron.path("spec").path("schedule").asText().split(" ").length);
    assertEquals("Forbid", cron.path("spec").path("concurrencyPolicy").asText());
    JsonNode pod = cron.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
    JsonNode driver = pod.path("containers").get(0);
    assertTrue(driver.path("command").get(0).asText().endsWith("/spark-submit"), driver.toString());
    List<String> args = new ArrayList<>();
    driver.path("args").forEach(a -> args.add(a.asText()));

    String mainClass = args.get(args.indexOf("--class") + 1);
    assertEquals(StudyJob.class, Class.forName(mainClass));
    int jar = indexOf(args, a -> a.startsWith("local://") && a.endsWith("-job.jar"));
    StudyJob.Args job = StudyJob.parse(args.subList(jar + 1, args.size()).toArray(new String[0]));
    assertShippedStudy(job.spec());
    assertTrue(job.ifChanged(), "a nightly run skips unchanged studies");

    // The tables root is mounted in the driver and, through Spark's settings, in every executor.
    String claim = null;
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals(driver.path("volumeMounts").get(0).path("name").asText())) {
        claim = v.path("persistentVolumeClaim").path("claimName").asText();
      }
    }
    assertEquals(job.out(), driver.path("volumeMounts").get(0).path("mountPath").asText());
    assertTrue(args.contains("spark.kubernetes.executor.volumes.persistentVolumeClaim.studies.options.claimName="
        + claim), args.toString());
    assertTrue(args.contains("spark.kubernetes.executor.volumes.persistentVolumeClaim.studies.mount.path="
        + job.out()), args.toString());
  }

  @Test
  void theCrontabLineRunsAShippedStudyWithOptionsTheCliAccepts() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String line : Files.readAllLines(SCHEDULES.resolve("nightly.cron"))) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        entries.add(l);
      }
    }
    assertEquals(1, entries.size(), entries.toString());
    String[] fields = entries.get(0).split("\\s+", 6);
    for (int i = 0; i < 5; i++) {
      assertTrue(fields[i].matches("[0-9*/,-]+"), "cron field " + (i + 1) + ": " + fields[i]);
    }
    List<String> words = Arrays.asList(fields[5].split("\\s+"));
    int cli = words.indexOf("./mlsysim");
    assertTrue(cli >= 0, fields[5]);
    List<String> args = words.subList(cli + 1, words.indexOf(">>"));
    CommandLine cl = new CommandLine(new Cli());
    new SparkCli().commands().forEach(cl::addSubcommand);
    CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(new String[0]));
    CommandLine.ParseResult run = parsed.subcommand().subcommand();
    assertEquals("run", run.commandSpec().name());
    StudyCommand.Run command = run.commandSpec().commandLine().getCommand();
    assertTrue(command.ifChanged, "a nightly run skips unchanged studies");
    assertShippedStudy(command.file.toString());
  }

  @Test
  void theAirflowDagSubmitsTheStudyJobForAShippedStudy() throws Exception {
    String dag = Files.readString(SCHEDULES.resolve("airflow_nightly_dag.py"));
    Matcher cls = Pattern.compile("--class (\\S+)").matcher(dag);
    assertTrue(cls.find(), "the DAG names the main class");
    assertEquals(StudyJob.class, Class.forName(cls.group(1).replace("\"", "")));
    Matcher study = Pattern.compile("STUDY = \"([^\"]+)\"").matcher(dag);
    assertTrue(study.find(), "the DAG names its study");
    assertShippedStudy(study.group(1));
    assertTrue(dag.contains("{STUDY} --out {TABLES} --if-changed"), "the study, its tables and --if-changed");
    assertTrue(dag.contains("BashOperator(") && dag.contains("max_active_runs=1"), dag);
  }

  /** The path ends in configs/studies/NAME.yaml and that file ships with the project. */
  private static void assertShippedStudy(String path) {
    Matcher m = Pattern.compile("(?:^|/)(configs/studies/[A-Za-z0-9_.-]+\\.ya?ml)$").matcher(path);
    assertTrue(m.find(), "not a study under configs/studies: " + path);
    assertTrue(Files.isRegularFile(PROJECT.resolve(m.group(1))), "no such study in the project: " + m.group(1));
  }

  private static int indexOf(List<String> args, java.util.function.Predicate<String> p) {
    for (int i = 0; i < args.size(); i++) {
      if (p.test(args.get(i))) {
        return i;
      }
    }
    return fail("no job jar in " + args);
  }
}
