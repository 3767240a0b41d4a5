package org.example.mlsysim;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.Result;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.plugin.DiscoveryProblem;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineCallback;
import io.mlsysim.core.pipeline.PipelineResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The snippets of docs/extending.md that use the seed resolvers. They are compiled with the
 * plugin jar, and the engine's tests run them, so the guide cannot drift from the API.
 */
public final class GuideExamples {
  private GuideExamples() {}

  /** Runs the pipeline snippet; returns the formatted flops_per_watt. */
  public static String pipeline(List<String> log) {
    // region:pipeline
    Pipeline pipeline = Pipeline.builder()
        .add(new PowerEfficiencyModel())      // listed first, yet runs last: it consumes
        .add(new CheapestDeviceOptimizer()) // the "hardware" port the optimizer produces
        .input("min_flops")
        .callback(new StageLogger(log))
        .build();
    System.out.println(pipeline.explain());

    PipelineResults results = pipeline.run(Map.of("min_flops", "300 TFLOP/s"));
    ResultView power = results.view("PowerEfficiencyModel");
    System.out.println(power.field("flops_per_watt").formatted()); // e.g. "1.41 TFLOP/s/W"
    // endregion
    return power.field("flops_per_watt").formatted();
  }

  // region:callback
  /** Logs each finished stage with its fields; a throwing logger would be reported, not fatal. */
  public static final class StageLogger implements PipelineCallback {
    private final List<String> lines;

    public StageLogger(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public void onStageEnd(String stage, Result result) {
      lines.add(stage + " finished: " + result);
    }

    @Override
    public void onStageError(String stage, RuntimeException error) {
      lines.add(stage + " failed: " + error.getMessage());
    }
  }
  // endregion

  /** Runs the batch snippet; returns the winners for each floor. */
  public static List<String> batch() {
    Pipeline pipeline = Pipeline.of(new CheapestDeviceOptimizer(), new PowerEfficiencyModel());
    List<String> winners = new ArrayList<>();
    // region:batch
    CompiledPipeline plan = pipeline.compiled();
    Frame frame = plan.newFrame();                // one per thread, reused
    int floor = plan.numericSlot("min_flops");    // look the slot up once
    for (double tflops = 100; tflops <= 300; tflops += 100) {
      frame.setDoubleAt(floor, tflops * 1e12);    // canonical SI: FLOP/s
      plan.evaluate(frame);                       // no callbacks, no parsing, no maps
      winners.add(frame.get(CheapestDeviceOptimizer.HARDWARE).name());
    }
    // endregion
    return winners;
  }

  /** The discovery snippet, for a jar path. */
  public static Resolver<?> discover(Path jar) {
    // region:factory
    ResolverFactory factory = ResolverFactory.withPlugins(List.of(jar));
    for (DiscoveryProblem problem : factory.report().problems()) {
      System.err.println("plugin skipped: " + problem);
    }
    System.out.println(factory.listAvailable().keySet());
    Resolver<?> model = factory.get("PowerEfficiencyModel"); // did-you-mean on a typo
    // endregion
    return model;
  }
}
