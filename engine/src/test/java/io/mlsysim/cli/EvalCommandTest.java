package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.SingleNodeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  static final Path PLANS = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/plans");

  @Test
  void workloadAndHardwareGiveTheScorecardAsJson() throws Exception {
    CliRun r = CliRun.of("eval", "Llama3_8B", "H100", "--output", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals("PASS", d.get("f_status").asText());
    assertEquals("SKIPPED", d.get("m_status").asText());
    double latency = SingleNodeModel.solve(Workloads.get("Llama3_8B"), Hardware.get("H100"), 1, Precision.FP16, 0.5).latency();
    assertEquals(latency * 1e3, d.get("p_latency_ms").asDouble(), 1e-9);
  }

  @Test
  void textIsTheBoxedScorecard() {
    CliRun r = CliRun.of("eval", "Llama3_8B", "H100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("╔"), r.out());
    assertTrue(r.out().contains("Feasibility") && r.out().contains("Performance") && r.out().contains("Macro"));
  }

  @Test
  void shippedPlansExitZeroAndThree() {
    assertEquals(0, CliRun.of("eval", PLANS.resolve("single-gpu.yaml").toString()).code());
    CliRun fleet = CliRun.of("eval", PLANS.resolve("fleet-with-ops.yaml").toString(), "-o", "json");
    assertEquals(0, fleet.code(), fleet.err());
    assertTrue(fleet.out().contains("\"m_status\" : \"PASS\""), fleet.out());
    CliRun failing = CliRun.of("eval", PLANS.resolve("failing-assert.yaml").toString());
    assertEquals(3, failing.code(), failing.err());
    assertTrue(failing.out().contains("assert FAIL  p_latency_ms <= 1"), failing.out());
    assertTrue(failing.out().contains("assert PASS  f_memory_utilization <= 0.9"), failing.out());
  }

  @Test
  void aSystemThatCannotRunExitsTwo() {
    CliRun r = CliRun.of("eval", "Llama3_405B", "H100");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.out().contains("FAIL"), r.out());
  }

  @Test
  void anUnknownMetricIsBadInput(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "version: 1\nname: p\nworkload: Llama3_8B\nhardware: H100\n"
        + "constraints:\n  assert:\n    - {metric: p_latncy_ms, max: 5}\n");
    CliRun r = CliRun.of("eval", plan.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("plan.yaml:7") && r.err().contains("p_latncy_ms") && r.err().contains("p_latency_ms"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aFleetByNameUsesTheMacroLensWithDays() throws Exception {
    CliRun r = CliRun.of("eval", "Llama3_70B", "Frontier_8K", "--days", "30", "--region", "Quebec", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals("Quebec", d.get("m_region").asText());
    assertTrue(d.get("m_tco_usd").asDouble() > 0);
  }
}
