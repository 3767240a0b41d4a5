package io.mlsysim.core.pipeline;

import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.ResultView;
import java.util.ArrayList;
import java.util.List;

/** What one {@link Pipeline#run} produced: each stage's result by stage name, plus any callback failures. */
public final class PipelineResults {
  private final CompiledPipeline plan;
  private final Frame frame;
  private final List<CallbackFailure> failures;

  PipelineResults(CompiledPipeline plan, Frame frame, List<CallbackFailure> failures) {
    this.plan = plan;
    this.frame = frame;
    this.failures = failures; // stays live until onPipelineEnd has run, then is only read
  }

  /** The result of the stage called {@code stage}. */
  public Result get(String stage) {
    return frame.results[plan.position(stage)];
  }

  /** The typed result of {@code stage}, e.g. {@code get("PowerEfficiencyModel", PowerEfficiencyResult.class)}. */
  public <R extends Result> R get(String stage, Class<R> type) {
    Result r = get(stage);
    if (!type.isInstance(r)) {
      throw new PipelineException("stage '" + stage + "' returned a " + r.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(r);
  }

  /** Every field of {@code stage}'s result with its unit. */
  public ResultView view(String stage) {
    return ResultView.of(plan.order().get(plan.position(stage)).resolver().schema(), get(stage));
  }

  /** A numeric port's canonical value after the run (input or produced). */
  public double getDouble(Port<Double> port) {
    return frame.getDouble(port);
  }

  /** Stage names in execution order. */
  public List<String> stageNames() {
    List<String> names = new ArrayList<>();
    for (Stage s : plan.order()) {
      names.add(s.name());
    }
    return names;
  }

  /** Callbacks that threw during the run, in order. Empty when all behaved. */
  public List<CallbackFailure> callbackFailures() {
    return List.copyOf(failures);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (String name : stageNames()) {
      s.append(view(name).format()).append('\n');
    }
    for (CallbackFailure f : failures) {
      s.append("! ").append(f).append('\n');
    }
    return s.toString();
  }
}
