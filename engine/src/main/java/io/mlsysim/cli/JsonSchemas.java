package io.mlsysim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import io.mlsysim.zoo.spec.QText;
import java.util.Locale;

/**
 * JSON Schemas generated from the types that read user YAML, so editors can validate and
 * complete plans, studies and zoo overlays — and the schema can never drift from the reader.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  static ObjectNode of(Class<?> type, String title) {
    SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule())
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
    // The readers use snake_case; the schema must say the same names.
    b.forFields().withPropertyNameOverrideResolver(f -> f.getAnnotationConsideringFieldAndGetter(
        com.fasterxml.jackson.annotation.JsonProperty.class) != null ? null : snake(f.getName()));
    // A quantity is written as text with a unit: "80 GiB", "3.35 TB/s".
    b.forTypesInGeneral().withCustomDefinitionProvider((javaType, ctx) -> {
      if (javaType.getErasedType() != QText.class) {
        return null;
      }
      ObjectNode node = ctx.getGeneratorConfig().createObjectNode();
      node.put("type", "string");
      node.put("description", "a number with a unit, e.g. \"80 GiB\", \"3.35 TB/s\", \"700 W\", \"30 days\"");
      node.put("pattern", "^\\s*[+-]?[0-9][0-9_,.]*([eE][+-]?[0-9]+)?\\s*\\S.*$");
      return new CustomDefinition(node, true);
    });
    ObjectNode schema = new SchemaGenerator(b.build()).generateSchema(type);
    schema.put("title", title);
    return schema;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
