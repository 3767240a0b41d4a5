package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RooflineTest {

  @Test
  void bottleneckRules() {
    assertEquals(Bottleneck.COMPUTE, Roofline.bottleneck(1.0, 1.0)); // tie → compute
    assertEquals(Bottleneck.MEMORY, Roofline.bottleneck(1.0, 1.0000001));
    assertEquals(Bottleneck.MEMORY, Roofline.bottleneck(0, 1e9, 1e12, 1e9)); // no FLOPs
    assertEquals(Bottleneck.COMPUTE, Roofline.bottleneck(1e12, 0, 1e12, 1e9)); // no bytes
    assertEquals("Memory", Bottleneck.MEMORY.label());
    assertEquals(2.0, Roofline.bottleneckRatio(1, 2));
  }

  @Test
  void timesIntensityRidgeMfuEnergy() {
    assertEquals(2.0, Roofline.computeTime(1e12, 1e12, 0.5));
    assertEquals(0.5, Roofline.memoryTime(1e9, 2e9));
    assertEquals(1e9 * 1.4, Roofline.trafficBytes(1e9, 0.1, 4), 1e-3);
    assertEquals(295.223880597, Roofline.ridgePoint(989e12, 3.35e12), 1e-9);
    assertEquals(1.0, Roofline.mfu(2e12, 1, 1e12)); // clamped
    assertEquals(0.25, Roofline.mfu(0.25e12, 1, 1e12));
    // 700 W·(0.3 + 0.7·0.5)·2 s = 910 J
    assertEquals(910, Roofline.energy(700, 0.3, 0.7, 0.5, 2), 1e-9);
  }

  @Test
  void kernelEfficiency() {
    // η = 0.8: flash attention min(0.75·1.6, 0.85) = 0.85; FFN min(0.5·1.6, 0.6) = 0.6
    assertEquals(0.85, KernelEfficiency.mfu(0.8, 0.5, 0.75, 0.85));
    assertEquals(0.6, KernelEfficiency.mfu(0.8, 0.5, 0.5, 0.6));
    assertEquals(0.48, KernelEfficiency.mfu(0.8, 0.5, 0.3, Double.POSITIVE_INFINITY), 1e-15);
    assertEquals(0.0, KernelEfficiency.occupancyLoss(1.0, 1.1));
    assertEquals(1 - 0.55, KernelEfficiency.occupancyLoss(0.5, 1.1), 1e-15);
    assertEquals(0.0, KernelEfficiency.memoryStall(0.8, 0.45));
  }
}
