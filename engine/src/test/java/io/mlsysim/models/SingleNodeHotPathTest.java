package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** SingleNodeModel on a reused frame allocates only its result record (no quantities, strings, boxes). */
class SingleNodeHotPathTest {

  @Test
  void evaluationAllocatesOnlyTheResult() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
    CompiledPipeline plan = Pipeline.of(new SingleNodeModel()).compiled();
    Frame frame = plan.newFrame();
    frame.set(CommonPorts.WORKLOAD, io.mlsysim.Workloads.Language.LLAMA3_8B);
    HardwareNode[] hw = {Hardware.Cloud.H100, Hardware.Cloud.A100};
    Precision[] precisions = {Precision.FP16, Precision.FP8};
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      run(plan, frame, hw, precisions, i);
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < n; i++) {
      run(plan, frame, hw, precisions, i);
    }
    long perEvaluation = (mx.getThreadAllocatedBytes(tid) - before) / n;
    // the result record: 20 fields, about 150 bytes with its header
    assertTrue(perEvaluation <= 192, "allocated " + perEvaluation + " bytes per evaluation");
  }

  private static void run(CompiledPipeline plan, Frame frame, HardwareNode[] hw, Precision[] p, int i) {
    frame.set(CommonPorts.HARDWARE, hw[i & 1]);
    frame.set(CommonPorts.PRECISION, p[(i >> 1) & 1]);
    frame.setInt(CommonPorts.BATCH, 1 + (i & 63));
    plan.evaluate(frame);
  }
}
