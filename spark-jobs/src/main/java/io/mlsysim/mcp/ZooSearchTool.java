package io.mlsysim.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mlsysim.text.NameMatcher;
import io.mlsysim.zoo.Registry;
import io.mlsysim.zoo.ZooEntry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code zoo_search}: the zoo's hardware, workloads, systems, grids or scenarios, filtered by a
 * name pattern and a tier — the rows of {@code mlsysim zoo <kind> -o json}, each with its
 * provenance. A name that matches nothing gets the nearest names.
 */
final class ZooSearchTool {
  static final String NAME = "zoo_search";

  private ZooSearchTool() {}

  static SyncToolSpecification spec() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("kind", Map.of("type", "string", "enum", ZooKinds.ids(), "description", "What to list."));
    props.put("name", Map.of("type", "string", "description",
        "A name or glob, any case, e.g. \"H100\", \"H*\", \"*70B\" (default: all)."));
    props.put("tier", Map.of("type", "string", "description", "Only this tier, e.g. cloud, edge, language."));
    props.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", 1000, "default", 50,
        "description", "Most entries to return."));
    Tool tool = Tool.builder(NAME).title("Search the zoo")
        .description("Lists zoo entries (hardware, workloads, systems, grids, scenarios) with their specs in "
            + "canonical SI units and their provenance. Use it to find the names the other tools take.")
        .inputSchema(Map.of("type", "object", "properties", props, "required", List.of("kind"),
            "additionalProperties", false))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler((ex, req) -> call(req.arguments())).build();
  }

  static CallToolResult call(Map<String, Object> arguments) {
    Arguments args = new Arguments(NAME, arguments, Set.of("kind", "name", "tier", "limit"));
    ZooKinds kind = ZooKinds.of(args.requiredText("kind", "\"hardware\""));
    String name = args.text("name");
    Integer limit = args.integer("limit", 1, 1000);
    List<String> cli = new ArrayList<>(List.of("zoo", kind.id, "-o", "json"));
    if (name != null) {
      cli.addAll(List.of("--name", name));
    }
    if (args.has("tier")) {
      cli.addAll(List.of("--tier", args.text("tier")));
    }
    InProcessCli.Outcome o = InProcessCli.run(cli);
    if (!o.ok()) {
      return ToolResults.error(NAME + ": " + o.message());
    }
    List<Map<String, Object>> rows;
    try {
      rows = ToolResults.JSON.readValue(o.out(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("zoo listing was not JSON", e);
    }
    Registry<?> registry = kind.registry();
    if (rows.isEmpty() && name != null) {
      List<String> near = NameMatcher.suggest(name.replace("*", "").replace("?", ""), registry.names());
      return ToolResults.error(NAME + ": no " + kind.id + " named like '" + name + "'"
          + (near.isEmpty() ? "" : "; did you mean: " + String.join(", ", near) + "?")
          + " Use a glob such as \"H*\", or leave 'name' out to list all.");
    }
    int max = limit == null ? 50 : limit;
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Map<String, Object> row : rows.subList(0, Math.min(max, rows.size()))) {
      ZooEntry<?> e = registry.entry(String.valueOf(row.get("name")));
      Map<String, Object> withSource = new LinkedHashMap<>(row);
      if (e != null) {
        withSource.put("provenance", ZooKinds.provenance(e));
        withSource.put("resource", ZooResources.uri(kind, e.name()));
      }
      entries.add(withSource);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind.id);
    data.put("matched", rows.size());
    data.put("returned", entries.size());
    data.put("entries", entries);
    return ToolResults.ok(data);
  }
}
