package io.mlsysim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingMemoryTest {

  @Test
  void shardingAndZeroStages() {
    // P = 8e9 over tp 2, pp 2, ep 1 → 2e9 per rank; dp = 4
    double p = TrainingMemory.paramsPerRank(8e9, 2, 2, 1);
    assertEquals(2e9, p);
    assertEquals(4e9, TrainingMemory.weights(p, 2, 2, 4)); // stage 2 keeps full weights
    assertEquals(1e9, TrainingMemory.weights(p, 2, 3, 4)); // stage 3 shards them
    assertEquals(4e9, TrainingMemory.gradients(p, 1, 2, 1, 4));
    assertEquals(1e9, TrainingMemory.gradients(p, 1, 2, 2, 4));
    assertEquals(24e9, TrainingMemory.optimizerState(p, 1, 12, 0, 4));
    assertEquals(6e9, TrainingMemory.optimizerState(p, 1, 12, 1, 4));
    assertEquals(0, TrainingMemory.stateBytesPerParam(OptimizerKind.NONE, 12, 4));
    assertEquals(4, TrainingMemory.stateBytesPerParam(OptimizerKind.SGD, 12, 4));
  }

  @Test
  void microBatchAndStages() {
    assertEquals(3, TrainingMemory.microBatch(10, 2, 2)); // ⌈10/4⌉
    assertEquals(1, TrainingMemory.microBatch(1, 8, 1));
    assertEquals(11, TrainingMemory.layersPerStage(32, 3)); // ⌈32/3⌉
  }

  @Test
  void pipelineBuffers() {
    // 0.05·1e9 + 2·2·1024·4096·2 when pp > 1
    assertEquals(0.05e9 + 2.0 * 2 * 1024 * 4096 * 2, TrainingMemory.buffers(1e9, 0.05, 2, 2, 1024, 4096, 2));
    assertEquals(0.05e9, TrainingMemory.buffers(1e9, 0.05, 1, 2, 1024, 4096, 2));
  }

  @Test
  void breakdownSumsAndValidates() {
    TrainingMemory.Breakdown r = TrainingMemory.breakdown(1e9, 10, 1000, 10, 4, 100, 2, 12,
        ActivationCheckpointing.FULL, 1, 1, 1, 1, 0, 1, 1.0, 0.05);
    // weights 2e9, grads 2e9, state 12e9, activations 2·100·4·1000·10 = 8e6, buffers 1e8
    assertEquals(2e9 + 2e9 + 12e9 + 8e6 + 1e8, r.total(), 1e-3);
    assertThrows(IllegalArgumentException.class, () -> TrainingMemory.breakdown(1e9, 10, 1000, 10, 4, 100, 2, 12,
        ActivationCheckpointing.FULL, 1, 1, 1, 1, 4, 1, 1.0, 0.05));
  }

  @Test
  void cnnFallback() {
    assertEquals(25.6e6 * 16, TrainingMemory.withoutActivations(25.6e6, 2, 12));
  }
}
