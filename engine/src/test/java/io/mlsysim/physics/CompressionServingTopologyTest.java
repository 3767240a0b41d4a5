package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompressionServingTopologyTest {
  static final Compression.QuantizationDeltas TABLE =
      new Compression.QuantizationDeltas(0, -0.002, -0.005, -0.025, -0.05);

  @Test
  void quantization() {
    assertEquals(0, Compression.quantizationAccuracyDelta(16, true, TABLE));
    assertEquals(-0.002, Compression.quantizationAccuracyDelta(8, true, TABLE));
    assertEquals(-0.005, Compression.quantizationAccuracyDelta(8, false, TABLE));
    assertEquals(-0.025, Compression.quantizationAccuracyDelta(4, false, TABLE));
    assertEquals(-0.05, Compression.quantizationAccuracyDelta(2, false, TABLE));
    double r = Compression.quantizationRatio(32, 8);
    assertEquals(4, r);
    assertEquals(4, Compression.quantizationSpeedup(r, true, false, 0, 1));
    assertEquals(2, Compression.quantizationSpeedup(r, false, true, 1979e12, 989.5e12), 1e-12);
    assertEquals(1, Compression.quantizationSpeedup(r, false, false, 0, 1));
    assertEquals(75, Compression.memorySavingsPercent(4), 1e-12);
  }

  @Test
  void pruning() {
    assertEquals(-0.001, Compression.pruningAccuracyDelta(0.5, 0.5, -0.001, -0.01, 2));
    assertEquals(-0.01 * Math.exp(1.6), Compression.pruningAccuracyDelta(0.8, 0.5, -0.001, -0.01, 2), 1e-15);
    assertEquals(5, Compression.pruningRatio(0.8, 100), 1e-12);
    assertEquals(100, Compression.pruningRatio(0.999, 100));
    assertEquals(5, Compression.pruningSpeedup(Compression.PruningPattern.STRUCTURED, 5, 0.8, 0.05), 1e-12);
    assertEquals(2, Compression.pruningSpeedup(Compression.PruningPattern.TWO_FOUR, 2, 0.5, 0.05));
    assertEquals(1, Compression.pruningSpeedup(Compression.PruningPattern.TWO_FOUR, 5, 0.8, 0.05));
    assertEquals(1, Compression.pruningSpeedup(Compression.PruningPattern.UNSTRUCTURED, 5, 0.8, 0.05));
  }

  @Test
  void serving() {
    assertEquals(1, ServingMath.prefillChunks(2048, 0));
    assertEquals(4, ServingMath.prefillChunks(2048, 512));
    assertEquals(5, ServingMath.prefillChunks(2049, 512));
    // E = 1 + α(1−α^K)/(1−α) = 1 + 0.7·(1 − 0.2401)/0.3 = 2.7731
    double e = ServingMath.speculativeExpectedTokens(0.7, 4);
    assertEquals(1 + 0.7 * (1 - 0.2401) / 0.3, e, 1e-12);
    assertEquals(5, ServingMath.speculativeExpectedTokens(1, 4));
    assertEquals((4 * 1e-3 + 5e-3) / e, ServingMath.speculativeItl(4, 1e-3, 5e-3, e), 1e-15);
    assertEquals(2.0 + 3 * 1e-5, ServingMath.decodeStep(1.5e9, 0.5e9, 1e9, 3, 1e-5), 1e-15);
  }

  @Test
  void topology() {
    assertEquals(Topology.Shape.TORUS_3D, Topology.Shape.parse("torus"));
    assertEquals(Topology.Shape.FAT_TREE, Topology.Shape.parse("fat_tree"));
    assertEquals(2.0 / 64, Topology.bisectionFraction(Topology.Shape.RING, 64, 0.85));
    assertEquals(0.5, Topology.bisectionFraction(Topology.Shape.TORUS_3D, 64, 0.85), 1e-15);
    assertEquals(0.85, Topology.bisectionFraction(Topology.Shape.DRAGONFLY, 64, 0.85));
    assertEquals(50e9, Topology.effectiveBandwidth(100e9, 1, 2));
    assertEquals(100e9 * 64 / 2 / 2, Topology.bisectionBandwidth(100e9, 1, 64, 2));
    assertEquals(3.0, Topology.averageHops(Topology.Shape.TORUS_3D, 64, 4, 3), 1e-12);
    assertEquals(16, Topology.averageHops(Topology.Shape.RING, 64, 4, 3));
  }
}
