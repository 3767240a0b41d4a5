package io.mlsysim.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Guards the hot path's allocation budget: a reused frame plus primitive inputs must not create
 * Quantity objects, strings or boxed doubles. The only allocation allowed is each stage's own
 * small result record. (Speed is measured by the JMH benchmark, not here.)
 */
class HotPathAllocationTest {

  @Test
  void evaluatingAReusedFrameAllocatesOnlyTheStageResults() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
    CompiledPipeline plan = Pipeline.of(new Fixtures.Scale(), new Fixtures.ToBytes(), new Fixtures.IsBig()).compiled();
    Frame frame = plan.newFrame();
    frame.setDouble(Fixtures.RATE, 1e9);
    int seconds = plan.numericSlot("seconds");
    int n = 200_000;
    for (int i = 0; i < n; i++) { // warm up so the measurement sees compiled code
      frame.setDoubleAt(seconds, i);
      plan.evaluate(frame);
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < n; i++) {
      frame.setDoubleAt(seconds, i);
      plan.evaluate(frame);
    }
    long perEvaluation = (mx.getThreadAllocatedBytes(tid) - before) / n;
    // Three stages, each returning one record of at most 32 bytes; a single Indriya quantity
    // costs more than this whole budget.
    assertTrue(perEvaluation <= 3 * 32, "allocated " + perEvaluation + " bytes per evaluation");
  }
}
