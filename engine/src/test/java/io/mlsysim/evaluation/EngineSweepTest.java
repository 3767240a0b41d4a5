package io.mlsysim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.SingleNodeModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineSweepTest {

  @Test
  void crossProductKeepsInfeasiblePointsAndMatchesTheRoofline() {
    List<HardwareNode> hw = List.of(Hardware.Cloud.H100, Hardware.Cloud.A100);
    List<Integer> batches = List.of(1, 16);
    List<Precision> precisions = List.of(Precision.FP16, Precision.INT8, Precision.INT4);
    List<Engine.SweepRow> rows = Engine.sweep(Workloads.Language.LLAMA3_70B, hw, batches, precisions, 0.5);
    assertEquals(2 * 2 * 3, rows.size());
    int i = 0;
    for (HardwareNode h : hw) {
      for (int b : batches) {
        for (Precision p : precisions) {
          Engine.SweepRow row = rows.get(i++);
          SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(Workloads.Language.LLAMA3_70B, h, b, p, 0.5);
          assertEquals(h.name(), row.hardware());
          assertEquals(b, row.batch());
          assertEquals(p.id(), row.precision());
          assertEquals(r.latency(), row.latency());
          assertEquals(r.feasible(), row.feasible());
          assertEquals(r.bottleneck(), row.bottleneck());
        }
      }
    }
    // by hand: 70.6 B params × 2 B = 141 GB of fp16 weights > 80 GiB → infeasible, kept in the output;
    // int4 (0.5 B/param, 35 GB) fits
    assertFalse(rows.get(0).feasible());
    assertEquals(true, rows.get(2).feasible());
  }
}
