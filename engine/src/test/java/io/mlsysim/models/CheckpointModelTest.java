package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointModelTest {

  static final HardwareNode NVME = OpsFixtures.device(7e9, 0, null); // one 7 GB/s drive

  @Test
  void adamCheckpointOfAnEightBillionModelByHand() {
    // size = 8e9 params · 14 B (2 B fp16 weights + 12 B Adam state) = 112 GB
    // one writer at 7 GB/s: 112/7 = 16 s; overhead 16 s / 4 h = 0.00111; 16 s ≤ 60 s: no bottleneck
    ResultView v = ResolverContract.check(new CheckpointModel(),
        Map.of("workload", OpsFixtures.eightBillion(), "hardware", NVME));
    assertEquals(112e9, v.field("checkpoint_size").number(), 1e-3);
    assertEquals(112.0, v.field("checkpoint_size").inDisplayUnit(), 1e-9); // GB
    assertEquals(7e9, v.field("checkpoint_bandwidth").number());
    assertEquals(16.0, v.field("checkpoint_time").number(), 1e-12);
    assertEquals(16.0 / 14_400, v.field("checkpoint_overhead").number(), 1e-15);
    assertEquals(0.0, v.field("storage_bottleneck").number());
    assertTrue(v.trace().get(1).startsWith("Checkpoint Wall: Passed"), v.trace().toString());
  }

  @Test
  void manyWritersHitTheFilesystemLimit() {
    // 256 writers · 7 GB/s = 1.79 TB/s, capped at 500 GB/s: 112 GB in 0.224 s
    CheckpointModel.CheckpointResult r = CheckpointModel.solve(8e9, OptimizerKind.ADAMW, NVME, 256, 3600);
    assertEquals(500e9, r.checkpointBandwidth());
    assertEquals(0.224, r.checkpointTime(), 1e-12);
    assertTrue(r.trace().get(0).contains("filesystem limit"), r.trace().toString());
  }

  @Test
  void sgdAndTheStorageFallback() {
    // SGD: 4 B/param = 32 GB; no storage figure: 1 GB/s fallback → 32 s
    CheckpointModel.CheckpointResult sgd = CheckpointModel.solve(8e9, OptimizerKind.SGD,
        OpsFixtures.device(0, 0, null), 1, 4 * 3600);
    assertEquals(32e9, sgd.checkpointSize());
    assertEquals(32.0, sgd.checkpointTime(), 1e-12);
    assertFalse(sgd.storageBottleneck());
    assertTrue(sgd.trace().get(0).contains("fallback"), sgd.trace().toString());
    // Adam at 1 GB/s: 112 s > 60 s → storage is the bottleneck
    CheckpointModel.CheckpointResult adam = CheckpointModel.solve(8e9, OptimizerKind.ADAM,
        OpsFixtures.device(0, 0, null), 1, 4 * 3600);
    assertTrue(adam.storageBottleneck());
    assertTrue(adam.trace().get(1).contains("FAILED"), adam.trace().toString());
  }

  @Test
  void optimizerIsReadFromText() {
    ResultView v = ResolverContract.check(new CheckpointModel(),
        Map.of("workload", OpsFixtures.eightBillion(), "hardware", NVME, "optimizer", "sgd"));
    assertEquals(32e9, v.field("checkpoint_size").number(), 1e-3);
  }

  @Test
  void aWorkloadWithoutParametersIsRefused() {
    ResolverContract.assertRejects(new CheckpointModel(),
        Map.of("workload", OpsFixtures.shapeless(), "hardware", NVME), "workload", "parameter");
    ResolverContract.assertRejects(new CheckpointModel(),
        Map.of("workload", OpsFixtures.eightBillion(), "hardware", NVME, "checkpoint_interval", "0 h"),
        "checkpoint_interval");
  }
}
