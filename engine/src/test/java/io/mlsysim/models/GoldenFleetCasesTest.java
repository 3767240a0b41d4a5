package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlsysim.conformance.GoldenCases;
import io.mlsysim.core.MapInputs;
import io.mlsysim.core.ResultView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks on the golden cases of TrainingMemoryModel and SustainabilityModel beyond the values
 * themselves (which GoldenResolverTest reproduces): both resolvers have cases, and PUE is applied
 * once.
 */
class GoldenFleetCasesTest {

  static List<GoldenCases.Case> cases() {
    return GoldenCases.resolvers().stream()
        .filter(c -> c.resolver().equals("TrainingMemoryModel") || c.resolver().equals("SustainabilityModel"))
        .toList();
  }

  @Test
  void bothResolversHaveGoldenCases() {
    assertTrue(cases().stream().anyMatch(c -> c.resolver().equals("TrainingMemoryModel")));
    assertTrue(cases().stream().anyMatch(c -> c.resolver().equals("SustainabilityModel")));
  }

  /** Passes every case input through unchanged: zoo names, precision, checkpointing, numbers. */
  static Map<String, Object> raw(JsonNode in) {
    Map<String, Object> m = new HashMap<>();
    in.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue()
        : e.getValue().asText()));
    return m;
  }

  static Map<String, Object> trainingMemory(JsonNode in) {
    TrainingMemoryModel model = new TrainingMemoryModel();
    ResultView v = ResultView.of(model.schema(), model.evaluate(MapInputs.of(model, raw(in))));
    Map<String, Object> out = new HashMap<>();
    out.put("feasible", v.field("training_memory_feasible").number() != 0);
    out.put("weights_gb", v.field("weights_memory").number() / 1e9);
    out.put("gradients_gb", v.field("gradients_memory").number() / 1e9);
    out.put("optimizer_state_gb", v.field("optimizer_memory").number() / 1e9);
    out.put("activations_gb", v.field("activation_memory").number() / 1e9);
    out.put("communication_buffers_gb", v.field("buffer_memory").number() / 1e9);
    out.put("total_gb", v.field("training_memory").number() / 1e9);
    out.put("memory_utilization", v.field("training_memory_utilization").number());
    return out;
  }

  static Map<String, Object> sustainability(JsonNode in) {
    SustainabilityModel model = new SustainabilityModel();
    Map<String, Object> m = raw(in);
    double days = ((Number) m.remove("duration_days")).doubleValue();
    m.put("duration", days * 86_400); // canonical seconds
    ResultView v = ResultView.of(model.schema(), model.evaluate(MapInputs.of(model, m)));
    Map<String, Object> out = new HashMap<>();
    out.put("it_energy_kwh", v.field("it_energy").number() / 3.6e6);
    out.put("total_energy_kwh", v.field("facility_energy").number() / 3.6e6);
    out.put("operational_carbon_kg", v.field("operational_carbon").number());
    out.put("water_l", v.field("water").number());
    out.put("pue", v.field("pue").number());
    return out;
  }

  @Test
  void sustainabilityGoldenUsesTheDefaultGridOnce() {
    Map<String, Object> out = sustainability(cases().stream()
        .filter(c -> c.resolver().equals("SustainabilityModel")).findFirst().orElseThrow().inputs());
    // PUE applied once: facility / IT is exactly the grid's PUE, not its square.
    assertEquals(1.12, (double) out.get("total_energy_kwh") / (double) out.get("it_energy_kwh"), 1e-12);
    assertFalse(Math.abs((double) out.get("pue") - 1.12 * 1.12) < 1e-9);
  }
}
