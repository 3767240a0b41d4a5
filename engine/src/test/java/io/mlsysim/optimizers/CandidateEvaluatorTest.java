package io.mlsysim.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.hardware.Precision;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The evaluation seam: another evaluator (here: back to front, a fresh frame per candidate) gives the same answer. */
class CandidateEvaluatorTest {

  @Test
  void aDifferentEvaluatorGivesTheSameSearchResult() {
    AtomicInteger calls = new AtomicInteger();
    CandidateEvaluator reversed = (plan, count, scorer, width, scores, errors) -> {
      for (int i = count - 1; i >= 0; i--) {
        Frame f = plan.newFrame(); // as a remote executor would: its own frame
        scorer.prepare(f);
        scorer.load(i, f);
        plan.evaluate(f);
        scorer.read(f, scores, i * width);
        calls.incrementAndGet();
      }
    };
    SearchResult local = new ParallelismOptimizer().optimize(Workloads.Language.LLAMA3_8B,
        Systems.Clusters.LAB_64_H100, 64, 2048, Precision.FP16, 1, 5, CandidateEvaluator.LOCAL);
    SearchResult other = new ParallelismOptimizer().optimize(Workloads.Language.LLAMA3_8B,
        Systems.Clusters.LAB_64_H100, 64, 2048, Precision.FP16, 1, 5, reversed);
    assertEquals(local.bestConfig(), other.bestConfig());
    assertEquals(local.ranked(), other.ranked());
    assertEquals(local.totalSearched(), other.totalSearched());
    // only the candidates that survived the screens reach the evaluator
    assertEquals(local.totalSearched() - countScreens(local), calls.get());
  }

  private static long countScreens(SearchResult r) {
    return r.dropped().get(ParallelismOptimizer.NOT_DIVIDING) + r.dropped().get(ParallelismOptimizer.TOO_DEEP)
        + r.dropped().get(ParallelismOptimizer.SCREEN);
  }
}
