package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.Precision;
import org.junit.jupiter.api.Test;

class InferenceEnergyModelTest {

  /** 3 J for a batch of 6 taking 0.5 s: 0.5 J per sample at 6 W. */
  @Test
  void perSampleAndAverage() {
    var r = InferenceEnergyModel.solve(3, 0.5, 6);
    assertEquals(0.5, r.energyPerSample(), 1e-15);
    assertEquals(6, r.averagePower(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> InferenceEnergyModel.solve(3, 0, 6));
  }

  /**
   * Behind SingleNodeModel the average power is the linear power model itself,
   * TDP·(0.3 + 0.7·MFU): 25 W·(0.3 + 0.7·MFU) on a Jetson Orin NX.
   */
  @Test
  void behindSingleNodeTheAverageIsTheLinearPowerModel() {
    var plan = Pipeline.of(new SingleNodeModel(), new InferenceEnergyModel()).compiled();
    var f = plan.newFrame();
    f.set(CommonPorts.WORKLOAD, Workloads.get("ResNet50"));
    f.set(CommonPorts.HARDWARE, Hardware.get("JetsonOrinNX"));
    f.set(CommonPorts.PRECISION, Precision.INT8);
    f.setDoubleAt(plan.numericSlot("batch"), 8);
    plan.evaluate(f);
    double mfu = f.getDoubleAt(plan.numericSlot("mfu"));
    double latency = f.getDoubleAt(plan.numericSlot("latency"));
    assertEquals(25 * (0.3 + 0.7 * mfu), f.getDoubleAt(plan.numericSlot("average_power")), 1e-9);
    assertEquals(25 * (0.3 + 0.7 * mfu) * latency / 8, f.getDoubleAt(plan.numericSlot("energy_per_sample")), 1e-12);
  }
}
