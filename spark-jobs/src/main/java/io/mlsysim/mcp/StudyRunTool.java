package io.mlsysim.mcp;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.spark.StudyRunner;
import io.mlsysim.zoo.Zoo;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code study_run}: runs a study, given inline (YAML text) or by file, on the embedded Spark,
 * writing only under the server's output root; progress goes out as notifications and the run
 * id comes back for {@code study_frontier} and {@code study_query}.
 */
final class StudyRunTool {
  static final String NAME = "study_run";

  private StudyRunTool() {}

  static SyncToolSpecification spec(StudyContext context) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spec", Map.of("type", "string", "description",
        "The study as YAML text (resource mlsysim://schema/study has its schema)."));
    props.put("file", Map.of("type", "string", "description", "Instead of 'spec': a study YAML file on the server."));
    props.put("run_id", Map.of("type", "string", "pattern", "^[A-Za-z0-9_.-]{1,64}$",
        "description", "Run id (default: time plus a random suffix); re-running an id replaces that run."));
    props.put("partitions", Map.of("type", "integer", "minimum", 1, "maximum", 10000,
        "description", "Spark partitions (default: from the spec, else from the size)."));
    Tool tool = Tool.builder(NAME).title("Run a design-space study")
        .description("Evaluates every candidate of a study (grid, random or NSGA-II) with the engine's resolvers on "
            + "Spark, writes the results and Pareto frontier under the server's output root ("
            + context.root() + "), and returns the run id and row counts. Sends progress notifications.")
        .inputSchema(Map.of("type", "object", "properties", props, "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool)
        .callHandler((ex, req) -> call(context, ex, req))
        .build();
  }

  static CallToolResult call(StudyContext context, McpSyncServerExchange exchange, CallToolRequest request) {
    Arguments args = new Arguments(NAME, request.arguments(), Set.of("spec", "file", "run_id", "partitions"));
    if (args.has("spec") == args.has("file")) {
      throw new IllegalArgumentException(NAME + ": give exactly one of 'spec' (YAML text) or 'file' (a path)");
    }
    String runId = args.text("run_id");
    io.mlsysim.spark.RunIds.check(NAME + ": run_id", runId);
    Integer partitions = args.integer("partitions", 1, 10_000);
    StudySpec spec = args.has("spec") ? StudySpec.parse("study spec", args.text("spec"))
        : StudySpec.read(Path.of(args.text("file")));
    Zoo zoo = Zoo.current();
    StudyPlan plan = StudyPlan.compile(spec, zoo); // every mistake in the spec is reported before Spark starts
    checkOutputPath(plan.outputPath(), context.root());
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    ProgressLines progress = new ProgressLines(exchange, token);
    progress.send(plan.name() + ": starting on embedded Spark");
    StudyRunner.Summary s;
    synchronized (context) {
      try (PrintWriter lines = new PrintWriter(progress, true)) {
        s = new StudyRunner(context.spark(), lines).run(plan, zoo,
            new StudyRunner.Options(context.root().toString(), runId, partitions == null ? 0 : partitions));
      }
    }
    progress.send(plan.name() + ": run " + s.runId() + " committed, " + s.rows() + " rows");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("study", s.study());
    data.put("run_id", s.runId());
    data.put("output_root", s.outputRoot());
    data.put("candidates", s.candidates());
    data.put("rows", s.rows());
    data.put("status_counts", s.statusCounts());
    data.put("frontier_rows", s.frontierRows());
    data.put("seconds", s.seconds());
    data.put("inputs_fingerprint", s.inputsFingerprint());
    data.put("progress_notifications", progress.sent());
    data.put("next", List.of(
        "study_frontier {\"study\": \"" + s.study() + "\", \"run_id\": \"" + s.runId() + "\"}",
        "study_query {\"sql\": \"SELECT status, count(*) FROM results WHERE run_id = '" + s.runId()
            + "' GROUP BY status\"}"));
    return ToolResults.ok(data);
  }

  /** A spec's own output.path may not lead the run outside the root the server was given. */
  static void checkOutputPath(String outputPath, Path root) {
    if (outputPath == null) {
      return;
    }
    // Relative to the working directory, as `mlsysim study run` reads it.
    Path asked = Path.of(outputPath).toAbsolutePath().normalize();
    if (!asked.equals(root)) {
      throw new IllegalArgumentException(NAME + ": the spec's output.path '" + outputPath + "' is not the server's "
          + "output root " + root + "; remove output.path from the spec (runs are written under the root), or start "
          + "the server with --out " + asked);
    }
  }
}
