package io.mlsysim.mcp;

import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.InputSpec;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.plugin.ResolverFactory;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code explain}: the pipeline a list of resolvers forms — stages in dependency order, what
 * feeds what — and the inputs still missing (given the ones the agent already has).
 */
final class ExplainTool {
  static final String NAME = "explain";

  private ExplainTool() {}

  static SyncToolSpecification spec(ResolverFactory factory) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("resolvers", Map.of("type", "array", "items", Map.of("type", "string"), "minItems", 1,
        "description", "Resolver names in any order, e.g. [\"DistributedModel\", \"EconomicsModel\"]."));
    props.put("have", Map.of("type", "array", "items", Map.of("type", "string"),
        "description", "Inputs you already have; they are left out of the missing inputs."));
    Tool tool = Tool.builder(NAME).title("Explain a pipeline")
        .description("Shows the DAG that resolvers form (each stage's inputs and outputs, the walls covered) and "
            + "which inputs are still missing, with their dimensions and examples.")
        .inputSchema(Map.of("type", "object", "properties", props, "required", List.of("resolvers"),
            "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((ex, req) -> call(factory, req.arguments())).build();
  }

  static CallToolResult call(ResolverFactory factory, Map<String, Object> arguments) {
    Arguments args = new Arguments(NAME, arguments, Set.of("resolvers", "have"));
    List<String> names = args.texts("resolvers");
    if (names.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": argument 'resolvers' is required, e.g. [\"SingleNodeModel\"]");
    }
    Set<String> have = Set.copyOf(args.texts("have"));
    List<Resolver<?>> resolvers = new ArrayList<>();
    for (String n : names) {
      resolvers.add(factory.get(n));
    }
    Pipeline pipeline = Pipeline.of(resolvers);
    CompiledPipeline plan = pipeline.compiled();
    List<Map<String, Object>> stages = new ArrayList<>();
    plan.order().forEach(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", s.name());
      m.put("resolver", s.resolver().schema().name());
      m.put("tier", s.resolver().schema().tier().id());
      stages.add(m);
    });
    List<Map<String, Object>> missing = new ArrayList<>();
    List<Map<String, Object>> optional = new ArrayList<>();
    for (InputSpec in : plan.inputs().values()) {
      if (have.contains(in.name())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>(PortSchemas.property(in.port()));
      m.put("name", in.name());
      m.put("type_label", in.port().typeLabel());
      m.put("used_by", in.consumers());
      if (in.port().shape() == Port.Shape.QUANTITY) {
        m.put("example", in.port().kind().example());
      }
      (in.required() ? missing : optional).add(m);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dag", pipeline.explain());
    data.put("stages", stages);
    data.put("missing_inputs", missing);
    data.put("optional_inputs", optional);
    return ToolResults.ok(data);
  }
}
