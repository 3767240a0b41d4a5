package io.mlsysim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinitionProvider;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.mlsysim.yaml.OneKey;
import io.mlsysim.yaml.Pair;
import io.mlsysim.yaml.WrittenAs;
import io.mlsysim.zoo.spec.QText;
import java.util.List;
import java.util.Locale;

/**
 * JSON Schemas generated from the types that read user YAML, so editors can validate and
 * complete plans, studies and zoo overlays — and the schema can never drift from the reader.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  static ObjectNode of(Class<?> type, String title) {
    SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
    // The readers use snake_case; the schema must say the same names.
    b.forFields().withPropertyNameOverrideResolver(f -> {
      JsonProperty named = f.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
      return named != null && !named.value().isEmpty() ? null : snake(f.getName());
    });
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
    // A type YAML spells in several shapes offers each shape's own schema.
    b.forTypesInGeneral().withCustomDefinitionProvider((javaType, ctx) -> {
      WrittenAs shapes = javaType.getErasedType().getAnnotation(WrittenAs.class);
      if (shapes == null) {
        return null;
      }
      ObjectNode node = ctx.getGeneratorConfig().createObjectNode();
      var anyOf = node.putArray("anyOf");
      for (Class<?> shape : shapes.value()) {
        anyOf.add(ctx.createDefinitionReference(ctx.getTypeContext().resolve(shape)));
      }
      return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD, CustomDefinition.AttributeInclusion.NO);
    });
    b.forFields().withCustomDefinitionProvider(new SingleOrList());
    b.forTypesInGeneral().withTypeAttributeOverride((node, scope, ctx) -> {
      if (scope.getType().getErasedType().isAnnotationPresent(OneKey.class)) {
        node.put("minProperties", 1);
        node.put("maxProperties", 1);
      }
    });
    b.forFields().withArrayMinItemsResolver(f -> isPair(f) ? 2 : null);
    b.forFields().withArrayMaxItemsResolver(f -> isPair(f) ? 2 : null);
    ObjectNode schema = new SchemaGenerator(b.build()).generateSchema(type);
    schema.put("title", title);
    return schema;
  }

  private static boolean isPair(FieldScope f) {
    return f.getAnnotation(Pair.class) != null && !f.isFakeContainerItemScope();
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** A list the reader also accepts as a single item says so: anyOf [item, list]. */
  private static final class SingleOrList implements CustomPropertyDefinitionProvider<FieldScope> {
    @Override
    public CustomPropertyDefinition provideCustomSchemaDefinition(FieldScope field, SchemaGenerationContext ctx) {
      JsonFormat format = field.getAnnotation(JsonFormat.class);
      if (format == null || !List.of(format.with()).contains(JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          || field.getContainerItemType() == null) {
        return null;
      }
      ObjectNode node = ctx.getGeneratorConfig().createObjectNode();
      var anyOf = node.putArray("anyOf");
      anyOf.add(ctx.createDefinitionReference(field.getContainerItemType()));
      anyOf.add(ctx.createStandardDefinition(field, this));
      return new CustomPropertyDefinition(node, CustomDefinition.AttributeInclusion.YES);
    }
  }
}
