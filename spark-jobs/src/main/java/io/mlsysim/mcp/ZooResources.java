package io.mlsysim.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mlsysim.zoo.ZooEntry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every zoo entry as a resource, {@code mlsysim://zoo/<kind>/<name>}: its row of the zoo listing
 * plus its provenance (file and line, and the published source behind the numbers).
 */
final class ZooResources {
  private ZooResources() {}

  static String uri(ZooKinds kind, String name) {
    return "mlsysim://zoo/" + kind.id + "/" + name;
  }

  static List<SyncResourceSpecification> all() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    for (ZooKinds kind : ZooKinds.values()) {
      for (ZooEntry<?> e : kind.registry().entries()) {
        Resource r = Resource.builder().uri(uri(kind, e.name())).name(e.name())
            .title(kind.id + ": " + e.name())
            .description("The " + kind.id + " entry " + e.name() + " (tier " + e.tier() + ") with its provenance.")
            .mimeType("application/json").build();
        out.add(new SyncResourceSpecification(r, (ex, req) -> read(kind, e.name(), req.uri())));
      }
    }
    return out;
  }

  static ReadResourceResult read(ZooKinds kind, String name, String uri) {
    InProcessCli.Outcome o = InProcessCli.run(List.of("zoo", kind.id, "-o", "json", "--name", name));
    List<Map<String, Object>> rows;
    try {
      rows = ToolResults.JSON.readValue(o.out(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (java.io.IOException ex) {
      throw new IllegalStateException("zoo listing was not JSON: " + o.err(), ex);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      if (name.equals(row.get("name"))) {
        entry.putAll(row);
      }
    }
    entry.put("provenance", ZooKinds.provenance(kind.registry().entry(name)));
    return ReadResourceResult.builder(List.of(
        TextResourceContents.builder(uri, ToolResults.json(entry)).mimeType("application/json").build())).build();
  }
}
