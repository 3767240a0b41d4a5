package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published JSON Schema and the parser agree on the keys a study may have. */
class StudySchemaTest {
  @Test
  void schemaKeysMatchTheParser() throws Exception {
    JsonNode schema;
    try (var in = StudySpec.class.getResourceAsStream("study.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    Set<String> keys = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(keys::add);
    assertEquals(new TreeSet<>(StudySpec.TOP), keys);
    Set<String> strategy = new TreeSet<>();
    schema.at("/properties/strategy/properties").fieldNames().forEachRemaining(strategy::add);
    assertEquals(Set.of("kind", "samples", "population", "generations", "seed"), strategy);
  }
}
