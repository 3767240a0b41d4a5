package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.dse.StudySpecException;
import io.mlsysim.plans.PlanReader;
import io.mlsysim.yaml.StrictYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas {@code mlsysim schema} prints, checked by an independent JSON Schema validator
 * against real files: every shipped plan, study and overlay entry passes both the schema and the
 * reader, and a study with a structural mistake fails both.
 */
class SchemasAgreeWithReadersTest {
  private static final Map<String, Schema> SCHEMAS = new java.util.HashMap<>();

  @BeforeAll
  static void generate() throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (String subject : List.of("plan", "study", "hardware")) {
      CliRun r = CliRun.of("schema", subject);
      assertEquals(0, r.code(), r.err());
      SCHEMAS.put(subject, registry.getSchema(new ObjectMapper().readTree(r.out())));
    }
  }

  private static List<Error> problems(String subject, JsonNode doc) {
    return SCHEMAS.get(subject).validate(doc);
  }

  private static JsonNode yaml(String text) throws Exception {
    return StrictYaml.mapper().readTree(text);
  }

  private static Stream<Path> files(String dir) throws Exception {
    return Files.list(Path.of("../configs", dir)).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @Test
  void everyShippedStudyPassesTheSchemaAndTheReader() throws Exception {
    List<Path> studies = files("studies").toList();
    assertTrue(studies.size() >= 4, "studies shipped: " + studies);
    for (Path p : studies) {
      assertEquals(List.of(), problems("study", yaml(Files.readString(p))), p.toString());
      assertFalse(StudySpec.read(p).space().isEmpty(), p.toString());
    }
  }

  @Test
  void everyShippedPlanPassesTheSchemaAndTheReader() throws Exception {
    List<Path> plans = files("plans").toList();
    assertEquals(3, plans.size(), plans.toString());
    for (Path p : plans) {
      assertEquals(List.of(), problems("plan", yaml(Files.readString(p))), p.toString());
      assertFalse(PlanReader.read(p).name().isEmpty(), p.toString());
    }
  }

  @Test
  void theExampleOverlaysHardwareEntriesPassTheSchema() throws Exception {
    JsonNode overlay = yaml(Files.readString(Path.of("../configs/registry/examples/my-accelerator.yaml")));
    int checked = 0;
    for (var it = overlay.get("entries").fields(); it.hasNext(); ) {
      var entry = it.next();
      assertEquals(List.of(), problems("hardware", entry.getValue()), entry.getKey());
      checked++;
    }
    assertTrue(checked > 0);
  }

  private static final String STUDY = """
      name: s
      pipeline: [DistributedModel]
      fixed: {workload: Llama3_8B}
      space:
        fleet: [Lab_64_H100]
        tp: {powers_of_two: [1, 8]}
        efficiency: {continuous: [0.3, 0.6], grid_points: 2}
      objectives:
        - minimize: step_latency_s
      strategy: {kind: grid}
      """;

  static Stream<Arguments> structuralMistakes() {
    return Stream.of(
        Arguments.of("unknown top-level key", STUDY + "colour: red\n", "colour"),
        Arguments.of("unknown key in a range form", STUDY.replace("grid_points: 2", "grid_points: 2, stepp: 1"), "stepp"),
        Arguments.of("range with three bounds", STUDY.replace("[1, 8]", "[1, 4, 8]"), "powers_of_two"),
        Arguments.of("both minimize and maximize", STUDY.replace("- minimize: step_latency_s",
            "- {minimize: step_latency_s, maximize: mfu}"), "objectives[0]"),
        Arguments.of("samples as text", STUDY.replace("{kind: grid}", "{kind: random, samples: many}"), "samples"),
        Arguments.of("a fraction where a whole number goes", STUDY.replace("grid_points: 2", "grid_points: 2.5"),
            "grid_points"),
        Arguments.of("a mapping as a value", STUDY.replace("[Lab_64_H100]", "[{name: Lab_64_H100}]"), "space.fleet[0]"),
        Arguments.of("pipeline as a mapping", STUDY.replace("[DistributedModel]", "{first: DistributedModel}"), "pipeline"),
        Arguments.of("missing objectives", STUDY.replace("objectives:\n  - minimize: step_latency_s\n", ""), "objectives"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structuralMistakes")
  void aStructuralMistakeFailsTheSchemaAndTheReader(String what, String text, String field) throws Exception {
    assertEquals(List.of(), problems("study", yaml(STUDY)), "the base study is valid");
    assertFalse(problems("study", yaml(text)).isEmpty(), "schema accepted: " + what);
    String message = assertThrows(StudySpecException.class, () -> StudySpec.parse("s.yaml", text), what).getMessage();
    assertTrue(message.startsWith("s.yaml:") && message.contains(field), message);
  }
}
