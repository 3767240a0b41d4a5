package io.mlsysim.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schemas of plans and studies (and zoo overlay entries) as resources,
 * {@code mlsysim://schema/<subject>} — what {@code mlsysim schema <subject>} prints, generated
 * from the readers, so an agent writing a plan or study validates against the real thing.
 */
final class SchemaResources {
  static final List<String> SUBJECTS = List.of("plan", "study", "hardware", "workload");

  private SchemaResources() {}

  static List<SyncResourceSpecification> all() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    for (String subject : SUBJECTS) {
      String uri = "mlsysim://schema/" + subject;
      Resource r = Resource.builder(uri, subject + " schema").title("JSON Schema of a " + subject)
          .description("JSON Schema (2020-12) of a " + subject + " as mlsysim reads it.")
          .mimeType("application/schema+json").build();
      out.add(new SyncResourceSpecification(r, (ex, req) -> {
        InProcessCli.Outcome o = InProcessCli.run(List.of("schema", subject));
        if (!o.ok()) {
          throw new IllegalStateException("schema " + subject + ": " + o.message());
        }
        return ReadResourceResult.builder(List.of(
            TextResourceContents.builder(uri, o.out()).mimeType("application/schema+json").build())).build();
      }));
    }
    return out;
  }
}
