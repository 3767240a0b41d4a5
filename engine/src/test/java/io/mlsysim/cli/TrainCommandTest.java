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
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "8", "--pp", "4", "--microbatch-size", "2",
        "--days", "30", "--region", "Quebec", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode stages = new ObjectMapper().readTree(r.out());
    assertEquals(3, stages.size());
    assertEquals("DistributedModel", stages.get(0).get("resolver").asText());
    double step = stages.get(0).get("results").get("step_latency").get("value").asDouble();
    double expected = Pipeline.of(new DistributedModel()).run(Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K",
        "batch", 1024, "tp", 8, "pp", 4, "microbatch_size", 2, "precision", "bf16"))
        .getDouble(DistributedModel.STEP_LATENCY);
    assertEquals(expected, step, 0);
    assertEquals("s", stages.get(0).get("results").get("step_latency").get("unit").asText());
    // Quebec's PUE (1.06) reaches the sustainability stage.
    assertEquals(1.06, stages.get(1).get("results").get("pue").asDouble(), 1e-12);
  }

  @Test
  void aConfigurationThatDoesNotFitExitsTwo() {
    // 8192 ranks of pure data parallelism each hold all 70.6 B parameters' state
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--batch", "8192");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.out().contains("Memory Wall: FAILED"), r.out());
  }

  @Test
  void aBatchSmallerThanTheDataParallelDegreeIsInfeasibleNotFloored() {
    // 8192 GPUs with tp = pp = 1 give dp 8192: 1024 sequences are 0.125 per replica
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--batch", "1024");
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("infeasible: batch 1024 does not split into whole micro-batches")
        && r.err().contains("8192"), r.err());
  }

  @Test
  void aTensorDegreeThatDoesNotDivideTheHeadsExitsOne() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "3");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("tp: 3 does not divide the 64 attention heads"), r.err());
  }

  @Test
  void regionWithoutDaysIsRefused() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--region", "Quebec");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--region"), r.err());
  }
}
