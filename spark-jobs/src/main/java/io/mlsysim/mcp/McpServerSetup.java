package io.mlsysim.mcp;

import io.mlsysim.core.plugin.ResolverFactory;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assembles the server: the generated resolver tools, the fixed tools, and the resources. */
final class McpServerSetup {
  static final String INSTRUCTIONS = "MLSys·im answers questions about training and serving ML models on hardware "
      + "with analytical models: values carry SI units and provenance. Find names with zoo_search; call a resolver "
      + "tool (e.g. SingleNodeModel, DistributedModel) with unit strings such as \"30 days\" or \"80 GB\"; use "
      + "explain to see which inputs a pipeline still needs; evaluate gives the three-lens scorecard; study_run, "
      + "study_frontier and study_query explore design spaces on Spark.";

  private McpServerSetup() {}

  /** Every tool, the fixed ones first; a plugin resolver named like a fixed tool is left out with a warning. */
  static List<SyncToolSpecification> tools(ResolverFactory factory, StudyContext studies) {
    List<SyncToolSpecification> fixed = List.of(ZooSearchTool.spec(), EvaluateTool.spec(),
        ExplainTool.spec(factory), StudyRunTool.spec(studies), StudyFrontierTool.spec(studies),
        StudyQueryTool.spec(studies));
    List<SyncToolSpecification> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SyncToolSpecification t : fixed) {
      out.add(Guarded.tool(t));
      names.add(t.tool().name());
    }
    for (SyncToolSpecification t : ResolverTools.all(factory)) {
      if (!names.add(t.tool().name())) {
        System.err.println("mlsysim mcp: warning: resolver " + t.tool().name() + " has a built-in tool's name; "
            + "it is not offered as a tool (rename the resolver)");
        continue;
      }
      out.add(Guarded.tool(t));
    }
    return out;
  }

  static McpSyncServer start(McpServerTransportProvider transport, ResolverFactory factory, StudyContext studies,
      String version) {
    return McpServer.sync(transport)
        .serverInfo("mlsysim", version)
        .instructions(INSTRUCTIONS)
        // The engine checks every argument itself, with did-you-mean for names and the unit's dimension
        // for quantities, and accepts zoo names in any case; the SDK's schema check would say less.
        .validateToolInputs(false)
        .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
        .tools(tools(factory, studies))
        .resources(resources())
        .build();
  }

  private static List<io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification> resources() {
    List<io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification> out =
        new ArrayList<>(SchemaResources.all());
    out.addAll(ZooResources.all());
    return out;
  }
}
