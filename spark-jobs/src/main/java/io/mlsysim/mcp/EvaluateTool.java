package io.mlsysim.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate}: the three-lens scorecard (feasibility, performance, macro) of a workload on a
 * device or fleet, or of an inline plan — {@code mlsysim eval … -o json}, so the numbers are the
 * command's. A system that cannot run is a tool error that still carries the scorecard.
 */
final class EvaluateTool {
  static final String NAME = "evaluate";

  private EvaluateTool() {}

  static SyncToolSpecification spec() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("workload", Map.of("type", "string", "description", "A workload from the zoo, e.g. Llama3_70B."));
    props.put("system", Map.of("type", "string", "description",
        "A device (e.g. H100) or a fleet (e.g. Training_512_H100) from the zoo."));
    props.put("plan", Map.of("type", "string", "description",
        "Instead of workload/system: a whole plan as YAML text (resource mlsysim://schema/plan has its schema)."));
    props.put("batch", Map.of("type", "integer", "minimum", 1, "description", "Batch size (default 1; 1024 global on a fleet)."));
    props.put("precision", Map.of("type", "string", "enum", List.of("fp32", "tf32", "bf16", "fp16", "fp8", "int8", "int4"),
        "default", "fp16", "description", "Numeric precision."));
    props.put("efficiency", Map.of("type", "number", "description",
        "Achieved fraction of peak on one device, in (0, 1] (default 0.5); not for fleets."));
    props.put("days", Map.of("type", "number", "description", "Run length in days for the macro lens (fleets)."));
    props.put("region", Map.of("type", "string", "description", "Electricity grid for the macro lens, e.g. Quebec."));
    Tool tool = Tool.builder(NAME).title("Three-lens scorecard")
        .description("Will it fit, how fast is it, what does it cost and emit: the feasibility, performance and macro "
            + "lenses of a workload on a device or fleet (or of an inline plan), values in SI units.")
        .inputSchema(Map.of("type", "object", "properties", props, "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((ex, req) -> call(req.arguments())).build();
  }

  static CallToolResult call(Map<String, Object> arguments) {
    Arguments args = new Arguments(NAME, arguments,
        Set.of("workload", "system", "plan", "batch", "precision", "efficiency", "days", "region"));
    List<String> cli = new ArrayList<>(List.of("eval"));
    Path planFile = null;
    try {
      if (args.has("plan")) {
        if (args.has("workload") || args.has("system")) {
          throw new IllegalArgumentException(NAME + ": give either 'plan' or 'workload' and 'system', not both");
        }
        planFile = Files.createTempFile("mlsysim-mcp-plan-", ".yaml");
        Files.writeString(planFile, args.text("plan"));
        cli.add(planFile.toString());
      } else {
        cli.add(args.requiredText("workload", "\"Llama3_70B\" (or pass 'plan')"));
        cli.add(args.requiredText("system", "\"H100\" or \"Training_512_H100\""));
        option(cli, "--batch", args.integer("batch", 1, Integer.MAX_VALUE));
        option(cli, "--precision", args.text("precision"));
        option(cli, "--efficiency", args.number("efficiency"));
        option(cli, "--days", args.number("days"));
        option(cli, "--region", args.text("region"));
      }
      cli.addAll(List.of("-o", "json"));
      InProcessCli.Outcome o = InProcessCli.run(cli);
      if (o.code() == 1 || o.code() == 4) { // bad input, internal error: nothing to show but the message
        return ToolResults.error(NAME + ": " + o.message().replace(planFile == null ? "\0" : planFile.toString(), "plan"));
      }
      Map<String, Object> card = ToolResults.JSON.readValue(o.out(), new TypeReference<Map<String, Object>>() {});
      if (o.code() == 2) {
        return ToolResults.error(NAME + ": infeasible: " + card.getOrDefault("f_summary", "the feasibility lens failed") + ". Pick a larger system, a smaller "
            + "batch or a lower precision.", card);
      }
      return ToolResults.ok(card);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      if (planFile != null) {
        planFile.toFile().delete();
      }
    }
  }

  private static void option(List<String> cli, String name, Object value) {
    if (value != null) {
      cli.add(name);
      cli.add(String.valueOf(value));
    }
  }
}
