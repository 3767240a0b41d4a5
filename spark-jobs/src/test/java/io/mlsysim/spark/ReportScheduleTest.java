package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** configs/schedules/nightly-report.cron: a nightly run, then the report written next to the tables. */
class ReportScheduleTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void theNightlyReportRunsTheStudyThenWritesItsReportUnderTheTablesRoot() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("configs/schedules/nightly-report.cron"))) {
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
    String shell = fields[5].substring(fields[5].indexOf("sh -c '") + 7, fields[5].lastIndexOf("'"));
    String[] steps = shell.split(" && ");
    assertEquals(2, steps.length, "run, then report: " + shell);

    StudyCommand.Run run = parse(steps[0], "run");
    assertTrue(run.ifChanged, "a quiet night does not re-run the study");
    assertTrue(Files.isRegularFile(ROOT.resolve(run.file.toString())), "a shipped study: " + run.file);

    StudyReport report = parse(steps[1], "report");
    assertEquals(run.out, report.out, "the report reads the tables the run wrote");
    assertTrue(report.to.startsWith(Path.of(run.out)), "written next to the tables: " + report.to);
    assertTrue(Files.readString(ROOT.resolve(run.file.toString())).contains("name: " + report.study + "\n"),
        "the report names the study the spec runs");
  }

  private static <T> T parse(String step, String subcommand) {
    List<String> words = Arrays.asList(step.strip().split("\\s+"));
    assertEquals("./mlsysim", words.get(0), step);
    CommandLine cl = new CommandLine(new Cli());
    new SparkCli().commands().forEach(cl::addSubcommand);
    CommandLine.ParseResult leaf = cl.parseArgs(words.subList(1, words.size()).toArray(new String[0]))
        .subcommand().subcommand();
    assertEquals(subcommand, leaf.commandSpec().name());
    return leaf.commandSpec().commandLine().getCommand();
  }
}
