package io.mlsysim.training.terms;

import static io.mlsysim.training.PublishedFormulas.assertRel;
import static io.mlsysim.training.terms.ComputeTermsTest.shape;
import static io.mlsysim.training.terms.ComputeTermsTest.step;
import static io.mlsysim.training.terms.ComputeTermsTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.Port;
import io.mlsysim.training.TrainingStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1F1B bubble (Narayanan et al. 2021, Section 2.2): with p stages, m micro-batches and v
 * chunks per stage, fill and drain last (p−1)/(v·m) of the ideal pipeline time, which is
 * (p−1)/(v·m + p−1) of the schedule.
 */
class PipelineBubbleTest {

  /** The work every micro-batch repeats: the ideal (bubble-free) pipeline time is their sum. */
  static final List<Port<Double>> PER_MICROBATCH = List.of(LayerCompute.PORT, Recompute.PORT,
      OutputLayerCompute.PORT, ElementwiseCompute.PORT, TensorParallelComm.PORT, ExpertComm.PORT, PipelineComm.PORT);

  static double ideal(TrainingStep s) {
    double sum = 0;
    for (Port<Double> p : PER_MICROBATCH) {
      sum += time(s, p);
    }
    return sum;
  }

  @Test
  void fourStagesEightMicrobatchesIdleThreeEighthsOfTheIdealTime() {
    // Acceptance: p = 4, m = 8, v = 1 (Llama3_70B, Frontier_8K, tp 8, pp 4, batch 2048).
    TrainingStep s = step(shape().build());
    assertEquals(4, s.layout.job().pp());
    assertEquals(8, s.layout.microbatches());
    double ideal = ideal(s);
    double bubble = time(s, PipelineBubble.PORT);
    assertRel(3.0 / 8 * ideal, bubble, "(p−1)/m of the ideal pipeline time");
    assertRel(3.0 / 11, s.bubbleFraction(), "bubble_fraction (p−1)/(m + p−1)");
    // The same share read off the times themselves: bubble / (ideal + bubble).
    assertRel(3.0 / 11, bubble / (ideal + bubble), "share of the schedule");
  }

  @Test
  void interleavingDividesTheBubbleByV() {
    TrainingStep s = step(shape().interleave(2).build());
    assertRel(3.0 / 16 * ideal(s), time(s, PipelineBubble.PORT), "(p−1)/(v·m)");
    assertRel(3.0 / 19, s.bubbleFraction(), "(p−1)/(v·m + p−1)");
  }

  @Test
  void moreMicrobatchesShrinkTheBubbleShare() {
    TrainingStep m8 = step(shape().build());
    TrainingStep m32 = step(shape().batch(256 * 32).build());
    assertEquals(32, m32.layout.microbatches());
    assertRel(3.0 / 32 * ideal(m32), time(m32, PipelineBubble.PORT), "(p−1)/m at m = 32");
    assertTrue(m32.bubbleFraction() < m8.bubbleFraction());
  }

  @Test
  void noPipelineNoBubble() {
    TrainingStep s = step(shape().pp(1).batch(1024 * 8).build());
    assertEquals(0.0, time(s, PipelineBubble.PORT));
    assertEquals(0.0, s.bubbleFraction());
  }

  @Test
  void onceAStepWorkIsNotStretched() {
    // The bubble reads the per-micro-batch terms only: optimizer and data-parallel time do not grow it.
    TrainingStep zero0 = step(shape().build());
    TrainingStep zero3 = step(shape().zeroStage(3).build());
    assertTrue(time(zero3, DataParallelComm.PORT) != time(zero0, DataParallelComm.PORT));
    assertRel(time(zero0, PipelineBubble.PORT), time(zero3, PipelineBubble.PORT), "same bubble");
  }
}
