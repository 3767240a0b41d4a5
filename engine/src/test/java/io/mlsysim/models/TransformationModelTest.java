package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformationModelTest {

  @Test
  void theHostIsTheBottleneck() {
    // t = 256 · 500 kB / 1 GB/s = 0.128 s > 100 ms step: utilization 0.1/0.128 = 0.78125, slowdown 1.28
    ResultView v = ResolverContract.check(new TransformationModel(), Map.of("batch", 256,
        "sample_bytes", 5e5, "cpu_throughput", "1 GB/s", "step_time", "100 ms"));
    assertEquals(0.128, v.field("transform_time").number(), 1e-15);
    assertEquals(128.0, v.field("transform_time").inDisplayUnit(), 1e-9); // ms
    assertEquals(1.0, v.field("transform_bottleneck").number());
    assertEquals(0.78125, v.field("accelerator_utilization").number(), 1e-15);
    assertEquals(1.28, v.field("transform_slowdown").number(), 1e-15);
    assertTrue(v.trace().get(0).contains("FAILED"), v.trace().toString());
  }

  @Test
  void aFastHostHidesBehindTheStep() {
    TransformationModel.TransformationResult r = TransformationModel.solve(256, 5e5, 1e9, 0.2);
    assertFalse(r.transformBottleneck());
    assertEquals(1.0, r.acceleratorUtilization());
    assertEquals(1.0, r.transformSlowdown());
  }

  @Test
  void nonPositiveInputsAreNamed() {
    ResolverContract.assertRejects(new TransformationModel(), Map.of("sample_bytes", 5e5,
        "cpu_throughput", "1 GB/s", "step_time", "0 ms"), "step_time");
    ResolverContract.assertRejects(new TransformationModel(), Map.of("sample_bytes", 5e5,
        "cpu_throughput", "0 GB/s", "step_time", "10 ms"), "cpu_throughput");
  }
}
