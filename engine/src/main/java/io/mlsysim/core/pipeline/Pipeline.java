package io.mlsysim.core.pipeline;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolvers composed by their ports. Stages run in the order the port graph dictates, whatever
 * order they were listed in. Every wiring error (two producers of a port, a unit or type
 * mismatch, a cycle, and, when inputs are declared, an input nobody supplies) is raised here,
 * at construction, as a {@link PipelineException}.
 *
 * <p>{@link #run(Map)} is the convenient edge: it takes user values ("500 ms", "H100"), fires
 * callbacks and returns results by stage name. Batch callers use {@link #compiled()} and reuse
 * a {@link Frame}.
 */
public final class Pipeline {
  private final CompiledPipeline plan;
  private final List<PipelineCallback> callbacks = new CopyOnWriteArrayList<>();

  private Pipeline(List<Stage> stages, Set<String> declaredInputs, List<PipelineCallback> cbs) {
    this.plan = new CompiledPipeline(stages, declaredInputs);
    this.callbacks.addAll(cbs);
  }

  /**
   * A pipeline of {@code resolvers}, stage names taken from the resolvers ("Name", then
   * "Name#2" for a second instance). Ports no stage produces become caller inputs.
   */
  public static Pipeline of(Resolver<?>... resolvers) {
    return of(Arrays.asList(resolvers));
  }

  public static Pipeline of(List<? extends Resolver<?>> resolvers) {
    Builder b = builder();
    for (Resolver<?> r : resolvers) {
      b.add(r);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds an observer for subsequent runs. */
  public Pipeline register(PipelineCallback callback) {
    callbacks.add(java.util.Objects.requireNonNull(callback));
    return this;
  }

  public CompiledPipeline compiled() {
    return plan;
  }

  /** Stages in execution (dependency) order. */
  public List<Stage> stages() {
    return plan.order();
  }

  /** The DAG, the walls it covers and the inputs a caller must and may supply. */
  public String explain() {
    return Explain.render(plan);
  }

  /**
   * Runs every stage once. {@code inputs} maps input names to values: numbers in canonical SI,
   * strings with units ("500 ms"), zoo names for zoo types ("H100"), or Java objects. Unknown
   * and missing inputs are refused before any stage runs.
   *
   * @throws PipelineException for unknown or missing inputs
   * @throws RuntimeException whatever a stage throws, after {@code onStageError} callbacks
   */
  public PipelineResults run(Map<String, ?> inputs) {
    Frame frame = plan.newFrame();
    for (Map.Entry<String, ?> e : inputs.entrySet()) {
      frame.set(e.getKey(), e.getValue());
    }
    List<String> missing = new ArrayList<>();
    for (InputSpec spec : plan.inputs().values()) {
      if (spec.required() && !inputs.containsKey(spec.name())) {
        missing.add("'" + spec.name() + "' (" + spec.port().typeLabel() + ", needed by "
            + String.join(", ", spec.consumers()) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new PipelineException("missing input" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + ". Fix: pass " + (missing.size() > 1 ? "them" : "it")
          + " to run(...); explain() lists every input");
    }
    List<CallbackFailure> failures = new ArrayList<>();
    List<PipelineCallback> cbs = List.copyOf(callbacks);
    Map<String, Object> shown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    for (PipelineCallback cb : cbs) {
      guard(cb, "onPipelineStart", null, failures, () -> cb.onPipelineStart(this, shown));
    }
    for (int i = 0; i < plan.order().size(); i++) {
      String stage = plan.order().get(i).name();
      for (PipelineCallback cb : cbs) {
        guard(cb, "onStageStart", stage, failures, () -> cb.onStageStart(stage));
      }
      Result r;
      try {
        r = plan.evaluateStage(frame, i);
      } catch (RuntimeException e) {
        for (PipelineCallback cb : cbs) {
          guard(cb, "onStageError", stage, failures, () -> cb.onStageError(stage, e));
        }
        throw e;
      }
      for (PipelineCallback cb : cbs) {
        guard(cb, "onStageEnd", stage, failures, () -> cb.onStageEnd(stage, r));
      }
    }
    PipelineResults results = new PipelineResults(plan, frame, failures);
    for (PipelineCallback cb : cbs) {
      guard(cb, "onPipelineEnd", null, failures, () -> cb.onPipelineEnd(results));
    }
    return results;
  }

  /** Isolates the run from an observer: its exception is recorded, never propagated. */
  private static void guard(PipelineCallback cb, String event, String stage,
      List<CallbackFailure> failures, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      String name;
      try {
        name = cb.name();
      } catch (RuntimeException n) {
        name = cb.getClass().getName();
      }
      failures.add(new CallbackFailure(name, event, stage, e));
    }
  }

  @Override
  public String toString() {
    return explain();
  }

  /** Collects stages, optional renames, declared inputs and callbacks. */
  public static final class Builder {
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private Set<String> declaredInputs;
    private final List<PipelineCallback> callbacks = new ArrayList<>();

    private Builder() {}

    /** A stage named after the resolver ("Name#2" for a second instance). */
    public Builder add(Resolver<?> resolver) {
      String base = resolver.name();
      int n = seen.merge(base, 1, Integer::sum);
      String name = n == 1 ? base : base + "#" + n;
      while (contains(name)) {
        n++;
        name = base + "#" + n;
      }
      stages.add(new Stage(name, resolver, Map.of()));
      return this;
    }

    /** A stage with an explicit name. */
    public Builder add(String stageName, Resolver<?> resolver) {
      return add(stageName, resolver, Map.of());
    }

    /**
     * A stage whose ports are wired under other names: {@code renames} maps the resolver's port
     * name to the pipeline's. Use it to run two instances of one resolver side by side.
     */
    public Builder add(String stageName, Resolver<?> resolver, Map<String, String> renames) {
      if (contains(stageName)) {
        throw new PipelineException("two stages are named '" + stageName + "'; stage names must be unique");
      }
      for (String port : renames.keySet()) {
        if (resolver.schema().required(port) == null && resolver.schema().produced(port) == null) {
          throw new PipelineException("stage '" + stageName + "': cannot rename '" + port + "', "
              + resolver.name() + " has no such port");
        }
      }
      seen.merge(resolver.name(), 1, Integer::sum);
      stages.add(new Stage(stageName, resolver, renames));
      return this;
    }

    /**
     * Declares the values the caller will supply. Once any input is declared, a required port
     * that no stage produces, that has no default and that is not declared fails the build.
     */
    public Builder input(String... names) {
      if (declaredInputs == null) {
        declaredInputs = new LinkedHashSet<>();
      }
      declaredInputs.addAll(Arrays.asList(names));
      return this;
    }

    public Builder callback(PipelineCallback cb) {
      callbacks.add(cb);
      return this;
    }

    public Pipeline build() {
      if (stages.isEmpty()) {
        throw new PipelineException("a pipeline needs at least one stage");
      }
      return new Pipeline(stages, declaredInputs, callbacks);
    }

    private boolean contains(String name) {
      for (Stage s : stages) {
        if (s.name().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }
}
