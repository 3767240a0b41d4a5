package io.mlsysim.optimizers;

import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;

/**
 * Where an optimizer's candidates are evaluated, kept apart from the search loop that
 * enumerates and ranks them. The built-in optimizers hand every candidate that survives their
 * screens to an evaluator and rank what comes back; the default {@link #LOCAL} evaluator runs
 * them one after the other on one reused {@link Frame}. A distributed evaluator (a Spark job
 * mapping partitions of candidates to frames of their own) can replace it without touching the
 * search: the contract is only "fill row i of {@code scores} for candidate i".
 */
public interface CandidateEvaluator {

  /**
   * Scores candidates {@code 0..count-1}: {@code scorer.prepare} writes the shared inputs into each
   * new frame; for each candidate, {@code scorer.load} writes its own inputs, the compiled pipeline runs, and {@code scorer.read} copies the outputs it needs into
   * {@code scores[i * width .. (i + 1) * width)}. A candidate the models refuse gets
   * {@code scores[i * width] = NaN} and its message in {@code errors[i]}.
   */
  void evaluate(CompiledPipeline plan, int count, FrameScorer scorer, int width, double[] scores, String[] errors);

  /** How one candidate enters and leaves a frame. Implementations must not allocate per call. */
  interface FrameScorer {
    /** Writes the inputs every candidate shares; called once on each new frame. */
    void prepare(Frame frame);

    /** Writes candidate {@code candidate}'s own inputs over a prepared frame. */
    void load(int candidate, Frame frame);

    void read(Frame frame, double[] scores, int offset);
  }

  /** One frame, reused for every candidate, in order. */
  CandidateEvaluator LOCAL = (plan, count, scorer, width, scores, errors) -> {
    Frame frame = plan.newFrame();
    scorer.prepare(frame);
    for (int i = 0; i < count; i++) {
      try {
        scorer.load(i, frame);
        plan.evaluate(frame);
        scorer.read(frame, scores, i * width);
      } catch (IllegalArgumentException e) {
        scores[i * width] = Double.NaN;
        errors[i] = e.getMessage();
      }
    }
  };
}
