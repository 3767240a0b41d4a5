package io.mlsysim.mcp;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.core.plugin.ResolverInfo;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool per resolver the factory knows — built-ins and {@code --plugins} jars alike —
 * generated from the resolver's schema, never listed by hand: a resolver registered anywhere is
 * an agent's tool with no further code.
 */
final class ResolverTools {
  private ResolverTools() {}

  static List<SyncToolSpecification> all(ResolverFactory factory) {
    List<SyncToolSpecification> out = new ArrayList<>();
    for (ResolverInfo info : factory.infos()) {
      out.add(tool(factory, info));
    }
    return out;
  }

  private static SyncToolSpecification tool(ResolverFactory factory, ResolverInfo info) {
    Schema schema = info.schema();
    Tool tool = Tool.builder(schema.name())
        .title(schema.name() + " (" + schema.tier().id() + ")")
        .description(description(info))
        .inputSchema(PortSchemas.inputSchema(schema))
        .build();
    return SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> call(factory, schema.name(), request.arguments()))
        .build();
  }

  private static String description(ResolverInfo info) {
    Schema s = info.schema();
    StringBuilder d = new StringBuilder();
    d.append(s.description().isBlank() ? "The " + s.tier().id() + " " + s.name() + "." : s.description());
    if (!s.walls().isEmpty()) {
      d.append(" Walls ").append(s.wallList()).append('.');
    }
    List<String> produces = new ArrayList<>();
    s.produces().forEach(p -> produces.add(p.name() + (p.unit().isEmpty() ? "" : " [" + p.unit() + "]")));
    d.append(" Produces: ").append(String.join(", ", produces)).append('.');
    d.append(" Origin: ").append(info.origin().name().toLowerCase(java.util.Locale.ROOT))
        .append(" (").append(info.source()).append(").");
    return d.toString();
  }

  /** Runs the resolver as {@code mlsysim run} does; bad input and infeasibility are tool errors. */
  static CallToolResult call(ResolverFactory factory, String name, Map<String, Object> arguments) {
    Map<String, Object> inputs = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
    Resolver<?> r = factory.get(name);
    PipelineResults results = Pipeline.of(r).run(inputs);
    ResultView view = results.view(results.stageNames().get(0));
    Map<String, Object> data = ResultJson.of(view);
    String flag = ResultJson.infeasibleFlag(view);
    if (flag != null) {
      return ToolResults.error("infeasible: " + name + " says " + flag + " = false"
          + (view.trace().isEmpty() ? "" : "; " + String.join("; ", view.trace()))
          + ". Change the inputs the trace names (a larger system, a smaller batch, a lower precision).", data);
    }
    return ToolResults.ok(data);
  }
}
