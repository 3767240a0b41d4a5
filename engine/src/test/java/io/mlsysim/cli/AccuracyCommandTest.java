package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AccuracyCommandTest {
  static final String FILE = "../configs/validation/narayanan2021-weak-scaling.yaml";

  @Test
  void printsEveryRowThenMeanAndMax() {
    CliRun r = CliRun.of("accuracy", FILE);
    assertEquals(0, r.code(), r.err());
    for (String label : new String[] {"1.7B", "18.4B", "145.6B", "1008B"}) {
      assertTrue(r.out().contains(label), label + " missing: " + r.out());
    }
    assertTrue(r.out().contains("mean absolute error") && r.out().contains("over 10 of 10 rows"), r.out());
  }

  @Test
  void jsonCarriesMeasuredPredictedAndErrorPerRow() throws Exception {
    CliRun r = CliRun.of("accuracy", FILE, "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(10, d.get("rows").size());
    double sum = 0;
    double max = 0;
    for (JsonNode row : d.get("rows")) {
      double e = (row.get("predicted").asDouble() - row.get("measured").asDouble()) / row.get("measured").asDouble();
      assertEquals(e, row.get("error").asDouble(), 1e-12);
      sum += Math.abs(e);
      max = Math.max(max, Math.abs(e));
    }
    assertEquals(sum / 10, d.get("mean_absolute_error").asDouble(), 1e-12);
    assertEquals(max, d.get("max_absolute_error").asDouble(), 1e-12);
    assertEquals("tflops_per_gpu", d.get("metric").asText());
  }

  @Test
  void aMissingFileIsBadInputInOneLine() {
    CliRun r = CliRun.of("accuracy", "no-such.yaml");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("no-such.yaml: no such measurement file"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
