package io.mlsysim.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code study_frontier}: the Pareto frontier of a study's run (the latest unless a run id is
 * given) — the frontier table's rows of rank 1, or up to the asked rank.
 */
final class StudyFrontierTool {
  static final String NAME = "study_frontier";

  private StudyFrontierTool() {}

  static SyncToolSpecification spec(StudyContext context) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("study", Map.of("type", "string", "pattern", "^[a-z0-9][a-z0-9_-]{0,63}$",
        "description", "The study's name (its spec's 'name:')."));
    props.put("run_id", Map.of("type", "string", "description", "Which run (default: the latest committed)."));
    props.put("rank", Map.of("type", "integer", "minimum", 1, "maximum", 3, "default", 1,
        "description", "Non-dominated ranks to include: 1 is the Pareto frontier."));
    props.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", 10000, "default", 50,
        "description", "Most rows to return."));
    Tool tool = Tool.builder(NAME).title("Pareto frontier of a study run")
        .description("Returns the non-dominated configurations of a committed study run, with every objective and "
            + "decision variable.")
        .inputSchema(Map.of("type", "object", "properties", props, "required", List.of("study"),
            "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((ex, req) -> call(context, req.arguments())).build();
  }

  static CallToolResult call(StudyContext context, Map<String, Object> arguments) {
    Arguments args = new Arguments(NAME, arguments, Set.of("study", "run_id", "rank", "limit"));
    String study = args.requiredText("study", "\"quickstart\"");
    if (!study.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException(NAME + ": '" + study + "' is not a study name; use the spec's 'name:' "
          + "(lower case, digits, '_', '-')");
    }
    String runId = args.text("run_id");
    io.mlsysim.spark.RunIds.check(NAME + ": run_id", runId);
    int rank = args.has("rank") ? args.integer("rank", 1, 3) : 1;
    int limit = args.has("limit") ? args.integer("limit", 1, 10_000) : 50;
    synchronized (context) {
      SparkSession spark = context.withViews();
      // Both names were checked against patterns above, so they are safe as SQL literals.
      List<Row> runs = spark.sql("SELECT run_id FROM runs WHERE study = '" + study + "'"
          + (runId == null ? "" : " AND run_id = '" + runId + "'") + " ORDER BY started_at DESC LIMIT 1").collectAsList();
      if (runs.isEmpty()) {
        List<String> studies = spark.sql("SELECT DISTINCT study FROM runs ORDER BY study").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList();
        throw new IllegalArgumentException(NAME + ": " + (runId == null ? "study '" + study + "' has no committed run"
            : "study '" + study + "' has no committed run '" + runId + "'") + " under " + context.root()
            + "; studies there: " + String.join(", ", studies) + ". Run it first with study_run.");
      }
      String chosen = runs.get(0).getString(0);
      var frontier = spark.sql("SELECT * FROM frontier WHERE study = '" + study + "' AND run_id = '" + chosen
          + "' AND rank <= " + rank + " ORDER BY rank");
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("study", study);
      data.put("run_id", chosen);
      data.put("rank", rank);
      data.put("rows_total", frontier.count());
      data.put("rows", StudyContext.rows(frontier, limit));
      return ToolResults.ok(data);
    }
  }
}
