package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void messagesNameInputValueAndRange() {
    assertEquals("batch must be > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("batch", 0.0)).getMessage());
    assertEquals("efficiency must be in (0, 1] (a fraction of peak, e.g. 0.5), got 1.5",
        assertThrows(IllegalArgumentException.class, () -> Checks.efficiency("efficiency", 1.5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative("x", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Checks.fraction("f", -0.1));
    assertEquals(0.5, Checks.efficiency("e", 0.5));
    assertEquals(1.0, Checks.efficiency("e", 1.0));
  }

  @Test
  void divisibility() {
    assertEquals(8, Checks.dataParallelDegree(256, 8, 4, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.dataParallelDegree(256, 8, 3, 1));
    assertEquals("tp*pp*ep = 8*3*1 = 24 must divide the accelerator count 256 exactly; "
        + "choose degrees whose product is a divisor of 256", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.dataParallelDegree(8, 16, 1, 1));
  }
}
