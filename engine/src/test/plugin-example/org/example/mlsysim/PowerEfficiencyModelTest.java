package org.example.mlsysim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.core.ResultView;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a plugin author tests a resolver with the engine's test kit (shown in the guide). */
public class PowerEfficiencyModelTest {
  // region:testkit
  @Test
  public void honoursTheContract() {
    // ports readable, every field has a unit, bit-identical reruns, bad input named
    ResultView view = ResolverContract.check(new PowerEfficiencyModel(), Map.of("hardware", "H100"));
    assertTrue(view.field("flops_per_watt").unit().equals("TFLOP/s/W"));
    assertTrue(new PowerEfficiencyModel().solve(Hardware.Cloud.H100).flopsPerWatt() > 0);
  }

  @Test
  public void refusesHardwareWithoutTdp() {
    HardwareNode noTdp = HardwareNode.builder("NoTDP").releaseYear(2024)
        .compute(new ComputeCore(100e12))           // 100 TFLOP/s
        .memory(new MemoryHierarchy(80e9, 2e12))    // 80 GB at 2 TB/s
        .build();                                   // no .tdp(...): unknown
    ResolverContract.assertRejects(new PowerEfficiencyModel(), Map.of("hardware", noTdp), "has no TDP");
  }
  // endregion
}
