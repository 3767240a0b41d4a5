package io.mlsysim.mcp;

import io.mlsysim.spark.Tables;
import io.mlsysim.spark.sql.ReadOnlySql;
import io.mlsysim.spark.sql.SqlErrors;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code study_query}: read-only Spark SQL over the study views under the output root. Every
 * statement goes through {@link ReadOnlySql}, which refuses writes, DDL, SET, file paths and
 * Java calls on Spark's own plans before anything runs; a refusal is a tool error.
 */
final class StudyQueryTool {
  static final String NAME = "study_query";

  private StudyQueryTool() {}

  static SyncToolSpecification spec(StudyContext context) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("sql", Map.of("type", "string", "description", "A SELECT (or WITH, VALUES, EXPLAIN, SHOW, DESCRIBE) "
        + "over the views " + String.join(", ", Tables.VIEWS) + ", e.g. SELECT status, count(*) FROM results GROUP BY status"));
    props.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", 10000, "default", 100,
        "description", "Most rows to return."));
    Tool tool = Tool.builder(NAME).title("Query study tables (read-only SQL)")
        .description("Runs read-only Spark SQL over the committed study tables under " + context.root()
            + ". Views: " + String.join(", ", Tables.VIEWS) + ". Writes, DDL, SET, file paths and Java calls are refused.")
        .inputSchema(Map.of("type", "object", "properties", props, "required", List.of("sql"),
            "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((ex, req) -> call(context, req.arguments())).build();
  }

  static CallToolResult call(StudyContext context, Map<String, Object> arguments) {
    Arguments args = new Arguments(NAME, arguments, Set.of("sql", "limit"));
    String sql = args.requiredText("sql", "\"SELECT study, run_id, rows FROM runs\"");
    int limit = args.has("limit") ? args.integer("limit", 1, 10_000) : 100;
    synchronized (context) {
      var spark = context.withViews();
      try {
        Dataset<Row> df = ReadOnlySql.query(spark, sql);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", List.of(df.schema().fieldNames()));
        data.put("rows", StudyContext.rows(df, limit));
        return ToolResults.ok(data);
      } catch (ReadOnlySql.Refused | ReadOnlySql.Invalid e) {
        return ToolResults.error(NAME + ": " + e.getMessage() + " (views: " + String.join(", ", Tables.VIEWS) + ")");
      } catch (RuntimeException e) { // a mistake found while running (division by zero): Spark's one line
        String m = SqlErrors.userMessage(e).orElse(null);
        if (m == null) {
          throw e;
        }
        return ToolResults.error(NAME + ": " + m);
      }
    }
  }
}
