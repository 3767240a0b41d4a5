package io.mlsysim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A user's own measurement file: step times from their cluster, and the mistakes it may hold. */
class MeasurementFileTest {
  static final String OWN = """
      name: our-cluster
      source: "in-house runs, 2026-11"
      metric: step_time
      fixed: {seq_len: 2048, precision: bf16}
      rows:
        - {label: small, workload: Llama3_8B, fleet: Lab_64_H100, tp: 1, pp: 1, batch: 64, measured: 2.5 s}
        - {label: wide, workload: Llama3_8B, fleet: Lab_64_H100, tp: 8, pp: 1, batch: 64, measured: 1800 ms}
      """;

  @Test
  void stepTimesInAnyTimeUnitAreCompared() {
    MeasurementFile f = MeasurementFile.parse("own.yaml", OWN);
    assertEquals(2.5, f.rows().get(0).measured(), 1e-12);
    assertEquals(1.8, f.rows().get(1).measured(), 1e-12);
    Accuracy.Report r = Accuracy.evaluate(f);
    assertEquals(0, r.failed());
    for (Accuracy.RowResult row : r.rows()) {
      assertTrue(row.predicted() > 0);
      assertEquals((row.predicted() - row.measured()) / row.measured(), row.error(), 1e-12);
    }
    double mean = (Math.abs(r.rows().get(0).error()) + Math.abs(r.rows().get(1).error())) / 2;
    assertEquals(mean, r.meanAbsoluteError(), 1e-12);
  }

  @Test
  void aRowTheModelRefusesIsReportedNotDropped() {
    // 64 GPUs at tp 1 give dp 64: a batch of 16 is a quarter sequence per replica
    String text = OWN.replace("batch: 64, measured: 2.5 s", "batch: 16, measured: 2.5 s");
    Accuracy.Report r = Accuracy.evaluate(MeasurementFile.parse("own.yaml", text));
    assertEquals(1, r.failed());
    assertTrue(r.rows().get(0).reason().contains("batch 16"), r.rows().get(0).reason());
    assertEquals(Math.abs(r.rows().get(1).error()), r.meanAbsoluteError(), 1e-12);
  }

  @Test
  void mistakesNameTheFieldAndTheFix() {
    assertError(OWN.replace("metric: step_time", "metric: speed"), "metric", "step_time or tflops_per_gpu");
    assertError(OWN.replace("source: \"in-house runs, 2026-11\"\n", ""), "source", "required");
    assertError(OWN.replace("measured: 2.5 s", "measured: -2 s"), "rows[0].measured", "positive");
    assertError(OWN.replace("measured: 2.5 s", "measured: 2.5 GB"), "rows[0].measured", "GB");
    assertError(OWN.replace(", measured: 2.5 s", ""), "rows[0].measured", "each row needs");
    assertError(OWN + "colour: blue\n", "colour", "unknown field");
    assertError(OWN.replace("metric: step_time", "metric: tflops_per_gpu"), "flop_count", "required");
  }

  private static void assertError(String text, String... mentions) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MeasurementFile.parse("own.yaml", text));
    assertTrue(e.getMessage().startsWith("own.yaml") || e.getMessage().contains("rows[0].measured"), e.getMessage());
    for (String m : mentions) {
      assertTrue(e.getMessage().contains(m), "'" + m + "' missing from: " + e.getMessage());
    }
  }
}
