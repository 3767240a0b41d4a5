package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightStreamingTest {

  @Test
  void layerInjectionAndCompute() {
    // a 70e9-parameter, 80-layer model: 875e6 parameters per layer, 1.75 GB at fp16
    double perLayer = 70e9 / 80;
    assertEquals(1.75e9 / 100e9, WeightStreaming.injectTime(perLayer, 2, 100e9), 1e-15);
    assertEquals(2 * 875e6 * 4, WeightStreaming.decodeLayerFlops(perLayer, 4), 0);
    // prefill S = 1024, B = 2, 8 KV heads of 128: 2·875e6·1024·2 + 2·8·1024²·128·2
    assertEquals(2 * 875e6 * 1024 * 2 + 2.0 * 8 * 1024 * 1024 * 128 * 2,
        WeightStreaming.prefillLayerFlops(perLayer, 1024, 2, 8, 128), 0);
  }

  @Test
  void balancedBatchEqualisesInjectionAndCompute() {
    double perLayer = 875e6;
    double inject = WeightStreaming.injectTime(perLayer, 2, 100e9);
    double b = WeightStreaming.optimalBatch(inject, 1e15, 0.5, perLayer);
    // at that batch the decode compute time equals the injection time
    assertEquals(inject, Roofline.computeTime(WeightStreaming.decodeLayerFlops(perLayer, b), 1e15, 0.5), 1e-15);
  }
}
