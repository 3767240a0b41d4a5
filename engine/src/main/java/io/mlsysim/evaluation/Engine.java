package io.mlsysim.evaluation;

import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/** Entry points that evaluate many configurations at once. */
public final class Engine {
  private Engine() {}

  /**
   * One point of a sweep: the configuration and its roofline profile (SI units: s, 1/s, B).
   * Infeasible points (the footprint exceeds memory) stay, with {@code feasible = false} and the
   * offload latency.
   */
  public record SweepRow(String hardware, int batch, String precision, double latency, double throughput,
      String bottleneck, double mfu, double memoryFootprint, double memoryCapacity, boolean feasible) {}

  /**
   * The cross product hardware × batch × precision (in that nesting order), each evaluated by
   * {@link SingleNodeModel} at efficiency η on one compiled pipeline and one reused frame.
   */
  public static List<SweepRow> sweep(Workload workload, List<HardwareNode> hardware, List<Integer> batches,
      List<Precision> precisions, double efficiency) {
    CompiledPipeline plan = Pipeline.of(new SingleNodeModel()).compiled();
    Frame f = plan.newFrame();
    f.set(CommonPorts.WORKLOAD, workload).setDouble(CommonPorts.EFFICIENCY, efficiency);
    List<SweepRow> rows = new ArrayList<>(hardware.size() * batches.size() * precisions.size());
    for (HardwareNode hw : hardware) {
      f.set(CommonPorts.HARDWARE, hw);
      for (int b : batches) {
        f.setInt(CommonPorts.BATCH, b);
        for (Precision p : precisions) {
          f.set(CommonPorts.PRECISION, p);
          plan.evaluate(f);
          rows.add(new SweepRow(hw.name(), b, p.id(), f.getDouble(SingleNodeModel.LATENCY),
              f.getDouble(SingleNodeModel.THROUGHPUT), f.get(SingleNodeModel.BOTTLENECK),
              f.getDouble(SingleNodeModel.MFU), f.getDouble(SingleNodeModel.MEMORY_FOOTPRINT),
              f.getDouble(SingleNodeModel.MEMORY_CAPACITY), f.getFlag(SingleNodeModel.FEASIBLE)));
        }
      }
    }
    return rows;
  }
}
