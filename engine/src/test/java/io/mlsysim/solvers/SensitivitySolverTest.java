package io.mlsysim.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitivitySolverTest {

  @Test
  void memoryBoundDecodeIsBoundByBandwidth() {
    // Llama3_8B at batch 1 on an H100: tMemory = 1.1·W/BW ≫ tCompute, so latency ≈ 1.1·W/BW + taxes.
    // +10 % bandwidth divides the memory term by 1.1: s_bw = (tMem/1.1 − tMem)/T0 = −(tMem/T0)·(0.1/1.1).
    SensitivitySolver.SensitivityResult r = SensitivitySolver.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100,
        1, Precision.FP16, 0.5);
    SingleNodeModel.SingleNodeResult base = SingleNodeModel.solve(Workloads.Language.LLAMA3_8B, Hardware.Cloud.H100, 1,
        Precision.FP16, 0.5);
    assertEquals(base.latency(), r.baselineLatency());
    assertEquals(-(base.latencyMemory() / base.latency()) * (0.1 / 1.1), r.sensitivityBandwidth(), 1e-12);
    assertEquals(0.0, r.sensitivityFlops(), 1e-12);
    assertEquals(0.0, r.sensitivityCapacity(), 1e-12);
    assertEquals("memory_bandwidth", r.bindingConstraint());
    assertTrue(r.sensitivityFeasible());
    assertTrue(r.trace().get(0).startsWith("forward run at the baseline"), r.trace().toString());
    ResolverContract.check(new SensitivitySolver(), Map.of("workload", "Llama3_8B", "hardware", "H100"));
  }

  @Test
  void largeBatchIsBoundByCompute() {
    SensitivitySolver.SensitivityResult r = SensitivitySolver.solve(Workloads.get("ResNet50"), Hardware.Cloud.H100,
        256, Precision.FP16, 0.5);
    assertEquals("peak_flops", r.bindingConstraint());
    assertTrue(r.sensitivityFlops() < 0);
  }

  @Test
  void infeasibleCaseIsBoundByCapacity() {
    // Llama3_70B in fp16 is 141 GB of weights: it cannot fit in an 80 GB H100.
    SensitivitySolver.SensitivityResult r = SensitivitySolver.solve(Workloads.Language.LLAMA3_70B, Hardware.Cloud.H100,
        1, Precision.FP16, 0.5);
    assertFalse(r.sensitivityFeasible());
    assertEquals("memory_capacity", r.bindingConstraint());
    assertTrue(r.trace().get(0).contains("Memory Wall: FAILED"), r.trace().toString());
  }
}
