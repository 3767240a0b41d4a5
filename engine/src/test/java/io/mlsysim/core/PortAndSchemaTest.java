package io.mlsysim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.QuantityKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortAndSchemaTest {

  @Test
  void portsCheckNamesKindsAndRanges() {
    assertThrows(IllegalArgumentException.class, () -> Port.quantity("TargetLatency", QuantityKind.TIME));
    assertThrows(IllegalArgumentException.class, () -> Port.object("x", Double.class));
    assertThrows(IllegalArgumentException.class, () -> Port.quantity("bw", QuantityKind.DATA_RATE, "ms"));
    Port<Double> t = Port.quantity("t", QuantityKind.TIME).positive();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.check(0));
    assertEquals("t", e.port());
    assertTrue(t.accepts(Port.quantity("t", QuantityKind.TIME)));
    assertFalse(t.accepts(Port.quantity("t", QuantityKind.DATA_SIZE)));
    assertTrue(Port.object("o", Object.class).accepts(Port.object("o", HardwareNode.class)));
    Port<Double> eff = Port.number("efficiency").withDefault(0.5);
    assertTrue(eff.hasDefault());
    assertEquals(0.5, eff.defaultNumber());
    assertNotEquals(eff.id(), Port.number("efficiency").id());
    assertEquals("1.5 TFLOP/s/W",
        Port.quantity("fpw", QuantityKind.COMPUTE_PER_WATT, "TFLOP/s/W").format(1.5e12));
    assertEquals(0.5, EdgeValues.toNumber(Port.quantity("t", QuantityKind.TIME), "500 ms"));
  }

  @Test
  void anUpperLimitJoinsTheLowerBound() {
    // an efficiency is a fraction of peak: (0, 1]; a ZeRO stage is 0, 1, 2 or 3
    Port<Double> eta = Port.number("eta").positive().atMost(1);
    eta.check(1);
    eta.check(1e-9);
    assertTrue(assertThrows(InvalidInputException.class, () -> eta.check(1.5)).getMessage()
        .startsWith("input 'eta' must be in (0, 1], got 1.5"));
    assertThrows(InvalidInputException.class, () -> eta.check(-0.0));
    Port<Integer> stage = Port.count("stage").nonNegative().atMost(3);
    stage.check(0);
    stage.check(3);
    assertEquals("input 'stage' must be in [0, 3], got 4",
        assertThrows(InvalidInputException.class, () -> stage.check(4)).getMessage());
    assertEquals("in [0, 3]", stage.domain());
    assertEquals("positive", Port.count("n").positive().domain());
    // a default outside the limit is a declaration mistake, caught when the port is built
    assertThrows(InvalidInputException.class, () -> Port.number("x").withDefault(2.0).atMost(1));
    assertThrows(IllegalArgumentException.class, () -> Port.text("t").atMost(1));
  }

  @Test
  void schemasCarryTierWallsFallaciesAndRefuseDuplicates() {
    Port<Double> a = Port.number("a");
    Schema s = Schema.model("M").requires(a).walls(7, 2, 7).fallacy("more is faster", "not always").build();
    assertEquals(Tier.MODEL, s.tier());
    assertEquals(List.of(new WallRef(2), new WallRef(7)), s.walls());
    assertEquals("more is faster", s.fallacies().get(0).misconception());
    assertThrows(IllegalArgumentException.class, () -> new WallRef(23));
    assertThrows(IllegalArgumentException.class, () -> Schema.model("M").requires(a, a).build());
    assertThrows(IllegalArgumentException.class, () -> Schema.model("M").requires(a).produces(a).build());
    assertThrows(IllegalArgumentException.class, () -> Schema.optimizer("O").build());
    IllegalArgumentException wrongTier = assertThrows(IllegalArgumentException.class,
        () -> new Solver<Result>(Schema.model("NotASolver").build()) {
          @Override
          public Result evaluate(Inputs in) {
            return out -> { };
          }
        });
    assertTrue(wrongTier.getMessage().contains("Schema.solver"), wrongTier.getMessage());
  }
}
