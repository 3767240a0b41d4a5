package io.mlsysim.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.core.MapInputs;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.Result;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.Tier;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineCallback;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.hardware.ComputeCore;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.HardwareTier;
import io.mlsysim.hardware.MemoryHierarchy;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.testkit.ResolverContract;
import io.mlsysim.workloads.Workload;
import io.mlsysim.workloads.WorkloadTier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three resolvers of the extension guide, compiled from src/test/plugin-example into a real
 * jar, discovered through ServiceLoader, run in a pipeline and checked with the test kit. The
 * test only sees them through the contract: their classes live in the jar's own class loader.
 */
class SeedExamplesTest {

  @TempDir
  static Path work;
  static ResolverFactory factory;

  @BeforeAll
  static void buildPluginJar() throws Exception {
    Path jar = PluginJars.jar(work, "seed-examples", PluginJars.pluginExampleSources());
    factory = ResolverFactory.withPlugins(List.of(jar));
  }

  static Workload eightBillion() {
    return new Workload("Tiny8B", WorkloadTier.LANGUAGE, 8e9, Double.NaN, Double.NaN, 32,
        Provenance.convention("test", "test fixture"));
  }

  static HardwareNode noTdp() {
    return HardwareNode.builder("NoTDP").releaseYear(2024).compute(new ComputeCore(100e12))
        .memory(new MemoryHierarchy(80e9, 2e12)).build();
  }

  @Test
  void thePluginJarIsDiscoveredThroughServiceLoader() {
    assertTrue(factory.report().problems().isEmpty(), factory.report().toString());
    for (String name : List.of("PowerEfficiencyModel", "BandwidthForLatencySolver", "CheapestDeviceOptimizer")) {
      ResolverInfo info = factory.infos().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
      assertEquals(Origin.PLUGIN, info.origin());
      assertTrue(info.source().endsWith("seed-examples.jar"), info.source());
    }
    assertEquals(Tier.MODEL, factory.listAvailable().get("PowerEfficiencyModel").tier());
    assertEquals(Tier.SOLVER, factory.listAvailable().get("BandwidthForLatencySolver").tier());
    assertEquals(Tier.OPTIMIZER, factory.listAvailable().get("CheapestDeviceOptimizer").tier());
  }

  @Test
  void powerEfficiencyOfTheH100IsInTflopsPerWatt() {
    Resolver<?> model = factory.get("PowerEfficiencyModel");
    ResultView v = ResultView.of(model.schema(), model.evaluate(MapInputs.of(model, Map.of("hardware", Hardware.Cloud.H100))));
    ResultView.Field fpw = v.field("flops_per_watt");
    assertEquals("TFLOP/s/W", fpw.unit());
    HardwareNode h100 = Hardware.Cloud.H100;
    assertEquals(h100.compute().peakFlops() / h100.tdp() / 1e12, fpw.inDisplayUnit(), 1e-9);
    assertTrue(fpw.inDisplayUnit() > 0);
    assertEquals(io.mlsysim.core.Port.Shape.FLAG, v.field("is_efficient").shape());
    assertTrue(fpw.formatted().endsWith("TFLOP/s/W"), fpw.formatted());
  }

  @Test
  void hardwareWithoutTdpIsRefused() {
    ResolverContract.assertRejects(factory.get("PowerEfficiencyModel"), Map.of("hardware", noTdp()),
        "has no TDP", "hardware");
  }

  @Test
  void requiredBandwidthInvertsLatency() {
    Resolver<?> solver = factory.get("BandwidthForLatencySolver");
    ResultView v = ResolverContract.check(solver, Map.of("workload", eightBillion(), "target_latency", "50 ms"));
    assertEquals(16e9 / 0.05, v.field("required_bw").number(), 1e-3); // FP16 by default
    assertEquals("GB/s", v.field("required_bw").unit());
    assertEquals(320.0, v.field("required_bw").inDisplayUnit(), 1e-9);
    assertTrue(v.trace().get(0).contains("16 GB"), v.trace().toString());
  }

  @Test
  void cheapestHardwareMatchesABruteForceSearchOfTheZoo() {
    Resolver<?> opt = factory.get("CheapestDeviceOptimizer");
    double floor = 300e12;
    HardwareNode expected = null;
    for (HardwareNode hw : Hardware.list()) {
      if (hw.hasUnitCost() && hw.compute().peakFlops() >= floor
          && (expected == null || hw.unitCost() < expected.unitCost())) {
        expected = hw;
      }
    }
    ResultView v = ResolverContract.check(opt, Map.of("min_flops", "300 TFLOP/s"));
    assertEquals(expected.name(), v.field("hardware_name").value());
    assertEquals(expected.unitCost(), v.field("objective_value").number());
    assertEquals(Map.of("hardware", expected.name()), v.field("best_config").value());
    assertEquals(Hardware.list().size(), (int) v.field("total_searched").number());
    assertTrue(String.join(" ", v.trace()).contains(expected.name() + " is the cheapest"), v.trace().toString());
    ResolverContract.assertRejects(opt, Map.of("min_flops", "1 EFLOP/s"), "min_flops");
  }

  @Test
  void theGuideSnippetsRunAgainstThePluginJar() throws Exception {
    ClassLoader plugin = factory.get("PowerEfficiencyModel").getClass().getClassLoader();
    Class<?> guide = Class.forName("org.example.mlsysim.GuideExamples", true, plugin);
    List<String> log = new ArrayList<>();
    String fpw = (String) guide.getMethod("pipeline", List.class).invoke(null, log);
    assertTrue(fpw.endsWith("TFLOP/s/W"), fpw);
    assertEquals(2, log.size(), log.toString());
    assertTrue(log.get(0).startsWith("CheapestDeviceOptimizer finished"), log.toString());
    List<?> winners = (List<?>) guide.getMethod("batch").invoke(null);
    assertEquals(3, winners.size());
    Resolver<?> found = (Resolver<?>) guide.getMethod("discover", Path.class)
        .invoke(null, work.resolve("seed-examples.jar"));
    assertEquals("PowerEfficiencyModel", found.name());
    Class<?> authorsTest = Class.forName("org.example.mlsysim.PowerEfficiencyModelTest", true, plugin);
    Object instance = authorsTest.getConstructor().newInstance();
    authorsTest.getMethod("honoursTheContract").invoke(instance);
    authorsTest.getMethod("refusesHardwareWithoutTdp").invoke(instance);
  }

  /**
   * The seed once called its example solver RequiredBandwidthSolver; the engine now ships a
   * built-in of that name, so the example was renamed. A plugin that still uses the old name is
   * refused (the built-in stays in charge) unless the factory allows overriding.
   */
  @Test
  void aPluginNamedLikeTheBuiltInRequiredBandwidthSolverIsRefusedUnlessAllowed() throws Exception {
    Path seed = PluginJars.pluginExampleSources().resolve("org/example/mlsysim/BandwidthForLatencySolver.java");
    String old = java.nio.file.Files.readString(seed).replace("BandwidthForLatency", "RequiredBandwidth");
    Path jar = PluginJars.jar(work, "old-seed", Map.of(
        "org/example/mlsysim/RequiredBandwidthSolver.java", old,
        "META-INF/services/io.mlsysim.core.Resolver", "org.example.mlsysim.RequiredBandwidthSolver\n"));

    ResolverFactory strict = ResolverFactory.withPlugins(List.of(jar));
    assertEquals("io.mlsysim.solvers.RequiredBandwidthSolver",
        strict.get("RequiredBandwidthSolver").getClass().getName());
    assertTrue(strict.report().toString().contains("refused: 'RequiredBandwidthSolver' is the name of a built-in"),
        strict.report().toString());

    ResolverFactory lenient = ResolverFactory.withPlugins(List.of(jar), true);
    Resolver<?> plugin = lenient.get("RequiredBandwidthSolver");
    assertEquals("org.example.mlsysim.RequiredBandwidthSolver", plugin.getClass().getName());
    ResultView v = ResolverContract.check(plugin, Map.of("workload", eightBillion(), "target_latency", "50 ms"));
    assertEquals(16e9 / 0.05, v.field("required_bw").number(), 1e-3);
  }

  @Test
  void theTestKitAcceptsThePowerModel() {
    ResolverContract.check(factory.get("PowerEfficiencyModel"), Map.of("hardware", "H100"));
  }

  @Test
  void theSeedResolversRunInAPipelineWithCallbacksInOrder() {
    List<String> events = new ArrayList<>();
    PipelineCallback recorder = new PipelineCallback() {
      @Override
      public void onPipelineStart(Pipeline p, Map<String, Object> inputs) {
        events.add("start");
      }

      @Override
      public void onStageStart(String stage) {
        events.add("> " + stage);
      }

      @Override
      public void onStageEnd(String stage, Result result) {
        events.add("< " + stage);
      }

      @Override
      public void onPipelineEnd(PipelineResults results) {
        events.add("end");
      }
    };
    // Listed so that the power model comes before the optimizer that feeds it its hardware.
    Pipeline pipeline = Pipeline.builder()
        .add(factory.get("PowerEfficiencyModel"))
        .add(factory.get("BandwidthForLatencySolver"))
        .add(factory.get("CheapestDeviceOptimizer"))
        .input("min_flops", "workload", "target_latency")
        .callback(recorder)
        .build();
    PipelineResults r = pipeline.run(Map.of("min_flops", "300 TFLOP/s", "workload", eightBillion(),
        "target_latency", "50 ms"));
    assertEquals(List.of("start", "> BandwidthForLatencySolver", "< BandwidthForLatencySolver",
        "> CheapestDeviceOptimizer", "< CheapestDeviceOptimizer",
        "> PowerEfficiencyModel", "< PowerEfficiencyModel", "end"), events);
    String winner = (String) r.view("CheapestDeviceOptimizer").field("hardware_name").value();
    HardwareNode hw = Hardware.get(winner);
    assertEquals(hw.compute().peakFlops() / hw.tdp(), r.view("PowerEfficiencyModel").field("flops_per_watt").number());
    String explain = pipeline.explain();
    assertTrue(explain.contains("hardware ← CheapestDeviceOptimizer"), explain);
    assertTrue(explain.contains("precision: text = fp16"), explain);
  }
}
