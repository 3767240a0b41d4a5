package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.plans.PlanSpec;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"plan", "hardware", "workload", "study"})
  void everySubjectIsAJsonSchemaThatForbidsUnknownKeys(String subject) throws Exception {
    CliRun r = CliRun.of("schema", subject);
    assertEquals(0, r.code(), r.err());
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertTrue(s.get("$schema").asText().contains("json-schema.org"), r.out());
    assertEquals("object", s.get("type").asText());
    assertFalse(s.get("additionalProperties").asBoolean(true), subject);
  }

  @Test
  void planSchemaNamesExactlyTheReadersFieldsInSnakeCase() throws Exception {
    JsonNode s = new ObjectMapper().readTree(CliRun.of("schema", "plan").out());
    Set<String> keys = new TreeSet<>();
    s.get("properties").fieldNames().forEachRemaining(keys::add);
    Set<String> fields = new TreeSet<>();
    for (var f : PlanSpec.class.getFields()) {
      fields.add(JsonSchemas.snake(f.getName()));
    }
    assertEquals(fields, keys);
    assertTrue(s.at("/properties/ops/properties").has("seq_len"));
    assertEquals("string", s.at("/properties/ops/properties/duration/type").asText());
  }

  @Test
  void workloadSchemaOffersVocabSizeAsAnInteger() throws Exception {
    JsonNode s = new ObjectMapper().readTree(CliRun.of("schema", "workload").out());
    assertEquals("integer", s.at("/properties/vocab_size/type").asText(), s.toString());
  }

  @Test
  void unknownSubjectIsBadInput() {
    CliRun r = CliRun.of("schema", "fleet");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("plan, hardware, workload, study"), r.err());
  }
}
