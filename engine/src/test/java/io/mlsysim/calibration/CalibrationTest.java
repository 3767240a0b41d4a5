package io.mlsysim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.provenance.SourceKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static List<Field> publicConstants() throws Exception {
    return java.util.Arrays.stream(Calibration.class.getDeclaredFields())
        .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
            && Modifier.isFinal(f.getModifiers()))
        .filter(f -> f.getType() == double.class || f.getType() == int.class || f.getType() == String.class)
        .toList();
  }

  @Test
  void everyPublicConstantIsCataloguedWithItsValue() throws Exception {
    Map<String, CalibrationConstant> byField = new HashMap<>();
    for (CalibrationConstant c : Calibration.catalogue()) {
      byField.put(c.field(), c);
    }
    List<Field> fields = publicConstants();
    assertTrue(fields.size() > 50, "expected the full catalogue, found " + fields.size());
    for (Field f : fields) {
      CalibrationConstant c = byField.get(f.getName());
      assertTrue(c != null, "public constant Calibration." + f.getName() + " has no catalogue entry");
      if (f.getType() == String.class) {
        assertEquals(f.get(null), c.text(), f.getName());
      } else {
        assertEquals(((Number) f.get(null)).doubleValue(), c.value(), 0.0, f.getName());
      }
    }
    assertEquals(fields.size(), Calibration.catalogue().size(), "catalogue has entries without a constant");
  }

  @Test
  void idsAreUniqueAndProvenanceIsComplete() {
    Set<String> ids = new HashSet<>();
    for (CalibrationConstant c : Calibration.catalogue()) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.id());
      assertEquals(c.id(), c.source().id());
      assertTrue(c.id().startsWith("calibration/"));
      assertFalse(c.source().ref().isBlank(), c.id() + " needs a reference");
      if (c.source().kind() == SourceKind.LITERATURE || c.source().kind() == SourceKind.DATASHEET) {
        assertTrue(c.source().url().startsWith("https://"), c.id() + " needs a url");
      }
    }
  }

  @Test
  void headlineDefaults() {
    assertEquals(0.5, Calibration.DEFAULT_EFFICIENCY);
    assertEquals(1e-5, Calibration.FRAMEWORK_LAYER_TAX);
    assertEquals(12, Calibration.ADAM_MOMENT_BYTES_PER_PARAM + Calibration.MASTER_WEIGHT_BYTES_PER_PARAM);
    assertEquals(50_000 * 3600.0, Calibration.GPU_MTTF);
    assertEquals(4 * 3600.0, Calibration.CHECKPOINT_INTERVAL);
    assertEquals(List.of("US_Avg", "Quebec", "Iowa"), Calibration.placementRegions());
    assertEquals(1.0, Calibration.IDLE_POWER_FRACTION + Calibration.DYNAMIC_POWER_FRACTION, 1e-15);
    assertEquals("B/param", Calibration.get("ADAM_MOMENT_BYTES_PER_PARAM").unit());
    assertEquals("s", Calibration.get("calibration/recovery_time").unit());
    assertThrows(IllegalArgumentException.class, () -> Calibration.get("NO_SUCH"));
  }
}
