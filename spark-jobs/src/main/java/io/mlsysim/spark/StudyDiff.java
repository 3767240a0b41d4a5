package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim study diff}: how a study's frontier moved between any two committed runs,
 * computed like the frontier_changes a run records (so it also compares runs that are not
 * consecutive). Which runs exist is checked from the runs rows before Spark starts.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Shows how a study's Pareto frontier moved between two committed runs (default: the latest two).")
final class StudyDiff extends StudyCommand.Common implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY", description = "the study's name, as 'mlsysim study show' lists it")
  String study;

  @Option(names = "--from", paramLabel = "RUN", description = "the older run (default: the run before --to)")
  String from;

  @Option(names = "--to", paramLabel = "RUN", description = "the newer run (default: the latest)")
  String to;

  @Override
  public Integer call() {
    StudyCommand.checkFormat(format);
    RunChoice.checkStudyName("diff", study);
    String root = root(null);
    List<RunHistory.Run> runs = RunChoice.committedRuns(study, root);
    RunHistory.Run newer = to == null ? runs.get(runs.size() - 1) : find(runs, "--to", to, root);
    RunHistory.Run older;
    if (from != null) {
      older = find(runs, "--from", from, root);
    } else if (runs.indexOf(newer) > 0) {
      older = runs.get(runs.indexOf(newer) - 1);
    } else {
      throw new IllegalArgumentException(runs.size() == 1
          ? "study '" + study + "' has 1 committed run under " + root + " (" + newer.runId()
              + "); a diff needs two: run the study again"
          : "--to '" + newer.runId() + "' is the first run of study '" + study + "'; pass --from RUN as well");
    }
    if (older.runId().equals(newer.runId())) {
      throw new IllegalArgumentException("--from and --to are both run '" + older.runId()
          + "'; pick two different runs (mlsysim study show " + study + ")");
    }

    SparkSession spark = Sessions.local(master, "mlsysim study diff " + study);
    try {
      FrontierChanges.Result r = FrontierChanges.between(spark, root, older, newer);
      FrontierChanges.Movement m = r.movement();
      if (format.equalsIgnoreCase("json")) {
        stdout().print(json(older, newer, r));
      } else {
        if (format.equalsIgnoreCase("text")) {
          stdout().printf("frontier of %s, run %s → run %s: %d added, %d removed, %d kept%n", study, older.runId(),
              newer.runId(), m.added(), m.removed(), m.kept());
        }
        Shown shown = shown(r);
        stdout().print(Tabulate.render(shown.schema(), shown.rows(), format));
      }
      stdout().flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  private RunHistory.Run find(List<RunHistory.Run> runs, String option, String id, String root) {
    for (RunHistory.Run r : runs) {
      if (r.runId().equals(id)) {
        return r;
      }
    }
    List<String> ids = new ArrayList<>();
    runs.forEach(r -> ids.add(r.runId()));
    List<String> recent = ids.subList(Math.max(0, ids.size() - 5), ids.size());
    throw new IllegalArgumentException(option + " '" + id + "': study '" + study + "' has no committed run with that id under "
        + root + "; its latest runs: " + String.join(", ", recent) + " (all: mlsysim study show " + study + ")");
  }

  /** One JSON object: which runs, the counts, and every change with all its columns. */
  private String json(RunHistory.Run older, RunHistory.Run newer, FrontierChanges.Result r) {
    String lines = Tabulate.render(r.schema(), r.rows(), "json").trim();
    String header = Tabulate.render(new StructType().add("study", "string").add("from", "string").add("to", "string")
            .add("added", "long").add("removed", "long").add("kept", "long"),
        List.of(RowFactory.create(study, older.runId(), newer.runId(), r.movement().added(), r.movement().removed(),
            r.movement().kept())), "json").trim();
    return header.substring(0, header.length() - 1) + ",\"changes\":[" + String.join(",", lines.isEmpty()
        ? List.of() : List.of(lines.split("\n"))) + "]}\n";
  }

  private record Shown(StructType schema, List<Row> rows) {}

  /** For people: the decision columns that differ between the rows (all of them for a single row). */
  private static Shown shown(FrontierChanges.Result r) {
    List<Integer> keep = new ArrayList<>();
    StructField[] fields = r.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      String n = fields[i].name();
      if (n.equals("previous_run_id") || n.endsWith("candidate_id")) {
        continue;
      }
      if (StudyRows.isDecision(fields[i]) && r.rows().size() > 1) {
        Set<Object> values = new HashSet<>();
        for (Row row : r.rows()) {
          values.add(row.get(i));
        }
        if (values.size() == 1) {
          continue;
        }
      }
      keep.add(i);
    }
    StructType schema = new StructType();
    for (int i : keep) {
      schema = schema.add(fields[i]);
    }
    List<Row> rows = new ArrayList<>();
    for (Row row : r.rows()) {
      Object[] v = new Object[keep.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = row.get(keep.get(k));
      }
      rows.add(RowFactory.create(v));
    }
    return new Shown(schema, rows);
  }
}
