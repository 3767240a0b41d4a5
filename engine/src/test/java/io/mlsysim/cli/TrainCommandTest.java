package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.models.DistributedModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainCommandTest {

  @Test
  void jsonReportsEveryStageAndAgreesWithTheModel() throws Exception {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "8", "--pp", "4", "--microbatches", "16",
        "--days", "30", "--region", "Quebec", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode stages = new ObjectMapper().readTree(r.out());
    assertEquals(4, stages.size());
    assertEquals("DistributedModel", stages.get(0).get("resolver").asText());
    double step = stages.get(0).get("results").get("step_latency").get("value").asDouble();
    double expected = Pipeline.of(new DistributedModel()).run(Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K",
        "batch", 1024, "tp", 8, "pp", 4, "microbatches", 16)).getDouble(DistributedModel.STEP_LATENCY);
    assertEquals(expected, step, 0);
    assertEquals("s", stages.get(0).get("results").get("step_latency").get("unit").asText());
    // Quebec's PUE (1.06) reaches the sustainability stage.
    assertEquals(1.06, stages.get(2).get("results").get("pue").asDouble(), 1e-12);
  }

  @Test
  void aConfigurationThatDoesNotFitExitsTwo() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.out().contains("Memory Wall: FAILED"), r.out());
  }

  @Test
  void degreesThatDoNotDivideTheFleetExitOne() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "3");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("tp") && r.err().contains("8192"), r.err());
  }

  @Test
  void regionWithoutDaysIsRefused() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--region", "Quebec");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--region"), r.err());
  }
}
