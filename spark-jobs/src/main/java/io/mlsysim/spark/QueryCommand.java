package io.mlsysim.spark;

import io.mlsysim.spark.sql.ReadOnlySql;
import io.mlsysim.spark.sql.SqlErrors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlsysim query "<SQL>"}: read-only Spark SQL over the views results, frontier, runs,
 * sources and frontier_changes. Statements go through {@link ReadOnlySql}; a refused statement or
 * a mistake in the query is one line and exit 1.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Runs Spark SQL over study tables: views results, frontier, runs, sources, frontier_changes, columns "
        + "(committed runs only).",
        "Example: mlsysim query \"SELECT fleet, min(duration_s) / 86400 AS days FROM results WHERE status='ok' GROUP BY fleet ORDER BY days\""})
final class QueryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SQL", description = "the query")
  String sql;

  @Option(names = "--out", paramLabel = "DIR", description = "tables root (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:MLSYSIM_STUDIES:-.mlsysim/studies}")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE})",
      defaultValue = Sessions.DEFAULT_MASTER)
  String master;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "rows to print (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    StudyCommand.checkFormat(format);
    Sessions.quietLogs();
    ParquetLayout.refuse(RunHistory.hadoopConf(), out);
    // The committed runs are read from the Delta logs and the runs files with Hadoop alone, on a
    // second core while Spark starts on this one: about half a second of a few-second query.
    CompletableFuture<Set<List<String>>> committed = CompletableFuture.supplyAsync(
        () -> Tables.viewableRuns(RunHistory.hadoopConf(), out));
    SparkSession spark = Sessions.local(master, "mlsysim query");
    try (QueryProgress progress = new QueryProgress(spark.sparkContext(), spec.commandLine().getErr(),
        StudyProgress.Pace.forStderr(), QueryProgress.FIRST_AFTER_MILLIS)) {
      Tables.registerViews(spark, out, joined(committed));
      List<Row> rows;
      org.apache.spark.sql.types.StructType schema;
      try {
        Dataset<Row> df = ReadOnlySql.query(spark, sql);
        schema = df.schema();
        rows = df.limit(limit).collectAsList();
      } catch (ReadOnlySql.Refused | ReadOnlySql.Invalid e) {
        throw new IllegalArgumentException("query: " + e.getMessage());
      } catch (Exception e) { // Scala code may throw Spark's checked exceptions undeclared
        // A mistake in the query (syntax, unknown column, division by zero): Spark's one line.
        String m = SqlErrors.userMessage(e).orElse(null);
        if (m == null) {
          throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        throw new IllegalArgumentException("query: " + m + " (views: " + String.join(", ", Tables.VIEWS) + ")");
      }
      progress.close(); // before the answer, so no progress line follows it
      spec.commandLine().getOut().print(Tabulate.render(schema, rows, format));
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** The future's value, or the exception it ended with (a refusal stays a one-line refusal). */
  private static <T> T joined(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
