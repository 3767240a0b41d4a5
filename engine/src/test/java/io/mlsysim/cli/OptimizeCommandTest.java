package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.Hardware;
import io.mlsysim.hardware.HardwareNode;
import org.junit.jupiter.api.Test;

class OptimizeCommandTest {

  @Test
  void cheapestHardwareMatchesABruteForceScanOfTheZoo() throws Exception {
    CliRun r = CliRun.of("optimize", "hardware", "--set", "min_flops=500 TFLOP/s", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    HardwareNode best = null;
    for (HardwareNode h : Hardware.list()) {
      if (h.hasUnitCost() && h.compute().peakFlops() >= 500e12 && (best == null || h.unitCost() < best.unitCost())) {
        best = h;
      }
    }
    assertEquals(best.name(), n.get("best_config").get("hardware").asText());
    assertEquals(Hardware.list().size(), n.get("total_searched").asInt());
  }

  @Test
  void parallelismPrintsTheWinnerAndARankedTable() {
    CliRun r = CliRun.of("optimize", "parallelism", "--set", "workload=Llama3_70B", "--set", "fleet=Frontier_8K",
        "--set", "batch=1024");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("best_config") && r.out().contains("rank") && r.out().contains("winner"), r.out());
  }

  @Test
  void unknownSearchIsBadInput() {
    CliRun r = CliRun.of("optimize", "latency");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("parallelism, batching, placement or hardware"), r.err());
  }
}
