package io.mlsysim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Compares computed outputs with a golden case's expectations. */
final class GoldenAssert {
  private GoldenAssert() {}

  /**
   * Every expected key must be computed; numbers match within the case's relative tolerance
   * (absolute when the expected value is 0), booleans and strings exactly.
   */
  static void matches(GoldenCases.Case c, Map<String, Object> actual) {
    for (Map.Entry<String, JsonNode> e : c.expect().entrySet()) {
      String key = e.getKey();
      JsonNode want = e.getValue();
      if (!actual.containsKey(key)) {
        fail(c.id() + ": output '" + key + "' is expected by the golden file but was not computed");
      }
      Object got = actual.get(key);
      if (want.isNumber()) {
        double w = want.asDouble();
        double g = ((Number) got).doubleValue();
        double err = w == 0 ? Math.abs(g) : Math.abs(g - w) / Math.abs(w);
        assertTrue(err <= c.tolerance(), () -> c.id() + ": " + key + " = " + g + ", golden " + w
            + " (relative error " + err + " > " + c.tolerance() + ")");
      } else if (want.isBoolean()) {
        assertEquals(want.asBoolean(), got, c.id() + ": " + key);
      } else {
        assertEquals(want.asText(), String.valueOf(got), c.id() + ": " + key);
      }
    }
  }
}
