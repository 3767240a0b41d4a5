package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.Tier;
import io.mlsysim.core.plugin.Origin;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.core.plugin.ResolverInfo;
import io.mlsysim.dse.InputDecl;
import io.mlsysim.dse.ResultField;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.dse.TableColumns;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in Model and Solver is a study: a one-candidate study of the resolver alone, with
 * the smallest valid inputs (a small language model on one H100, a small H100 cluster, the few
 * numbers some resolvers need), runs on local Spark and commits every table with an ok row
 * whose result columns are all present. Nothing is looked up for an input whose default means
 * "none", and no result column takes the name of one of the table's own columns.
 */
class EveryResolverStudyTest {
  static final Zoo ZOO = Zoo.builtIn();
  static SparkSession spark;
  @TempDir
  static Path dir;

  /** Inputs without a default, by name: the smallest values that make each resolver run. */
  static final Map<String, String> SMALLEST = Map.ofEntries(
      Map.entry("workload", "GPT2_Small"),
      Map.entry("hardware", "H100"),
      Map.entry("fleet", "Lab_64_H100"),
      Map.entry("duration", "86400"),
      Map.entry("qps", "0.1"),
      Map.entry("target_p99", "2"),
      Map.entry("ttft", "0.1"),
      Map.entry("itl", "0.02"),
      Map.entry("facility_energy", "3.6e9"),
      Map.entry("effective_throughput", "100"),
      Map.entry("data_demand", "1e9"),
      Map.entry("sample_bytes", "1e6"),
      Map.entry("cpu_throughput", "1e9"),
      Map.entry("step_time", "0.1"),
      Map.entry("arrival_rate", "1"),
      Map.entry("job_duration", "0.5"),
      Map.entry("service_time", "0.5"),
      Map.entry("training_time", "86400"),
      Map.entry("link_bandwidth", "50e9"),
      Map.entry("target_latency", "0.05"),
      Map.entry("mean_request_tokens", "1024"),
      Map.entry("energy", "1"),
      Map.entry("latency", "0.1"));

  /** Where one resolver needs a particular value to have a valid configuration at all. */
  static final Map<String, Map<String, String>> PARTICULAR = Map.of(
      "DistributedModel", Map.of("batch", "64"),                // one sequence per data-parallel rank of 64
      "MoERoutingModel", Map.of("workload", "Mixtral_8x7B"),    // routing needs a mixture of experts
      "ScalingModel", Map.of("compute_budget", "1e21"));        // a compute budget to split

  @BeforeAll
  static void start() {
    spark = Sessions.local("local[2]", "EveryResolverStudyTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static List<String> builtInModelsAndSolvers() {
    List<String> names = new ArrayList<>();
    for (ResolverInfo i : ResolverFactory.standard().infos()) {
      if (i.origin() == Origin.BUILT_IN && i.schema().tier() != Tier.OPTIMIZER) {
        names.add(i.name());
      }
    }
    return names;
  }

  /**
   * A one-candidate study of one resolver: required inputs held at their smallest value in the
   * space (a study needs a space; without required inputs, the first input at its default), the
   * first result minimized.
   */
  static String specFor(String resolver) {
    var factory = io.mlsysim.dse.ResolverStudy.of(List.of(resolver));
    StringBuilder space = new StringBuilder();
    Map<String, String> particular = PARTICULAR.getOrDefault(resolver, Map.of());
    for (InputDecl in : factory.inputs()) {
      String v = particular.get(in.name());
      if (v == null && in.defaultValue() == null && !in.optional()) {
        v = SMALLEST.get(in.name());
        assertNotNull(v, resolver + " needs input '" + in.name() + "' (" + in.kind().id() + "); add a smallest value");
      }
      if (v != null) {
        space.append("  ").append(in.name()).append(": [").append(v).append("]\n");
      }
    }
    if (space.length() == 0) {
      InputDecl first = factory.inputs().stream()
          .filter(in -> in.defaultValue() != null && !(in.defaultValue() instanceof Double d && d.isNaN()))
          .findFirst().orElseThrow(() -> new AssertionError(resolver + " has no input a study could vary"));
      space.append("  ").append(first.name()).append(": [").append(first.defaultValue()).append("]\n");
    }
    List<ResultField> results = factory.results();
    assertFalse(results.isEmpty(), resolver + " produces no numeric result a study could keep");
    String study = "every-" + resolver.toLowerCase(Locale.ROOT);
    return "name: " + study + "\npipeline: [" + resolver + "]\nspace:\n" + space
        + "objectives:\n  - minimize: " + results.get(0).name() + "\n";
  }

  @Test
  void everyBuiltInModelAndSolverRunsAsAStudy() throws Exception {
    List<String> names = builtInModelsAndSolvers();
    assertTrue(names.contains("ServingModel") && names.contains("SingleNodeModel") && names.contains("SynthesisSolver")
        && names.contains("TensorParallelServingModel") && names.size() >= 28, "built-ins found: " + names);
    List<String> notOk = java.util.Collections.synchronizedList(new ArrayList<>());
    // Three studies at a time on the one session: each is mostly driver-side file work.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
      for (String name : names) {
        runs.add(pool.submit(() -> runAlone(name, notOk)));
      }
      for (var f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), notOk, "every resolver's smallest valid study is ok");
  }

  /** One resolver's one-candidate study in its own tables root; a row that is not ok is noted. */
  static void runAlone(String name, List<String> notOk) {
    // one root per study: the same name can be an integer input in one study and a real result
    // in another, and one root's tables are read with one merged schema
    String root = dir.resolve(name).toString();
    StudyPlan plan = StudyPlan.compile(StudySpec.parse(name + ".yaml", specFor(name)), ZOO);
    Set<String> columns = new HashSet<>();
    for (ResultField r : plan.results()) {
      assertFalse(TableColumns.RESERVED.contains(r.name()), name + " result '" + r.name() + "' takes a table column");
      assertTrue(columns.add(r.name()), name + " has two result columns named " + r.name());
    }
    StudyRunner.Summary s = new StudyRunner(spark, new PrintWriter(new StringWriter())).run(plan, ZOO,
        new StudyRunner.Options(root, "r1", 1));
    assertEquals(1, s.rows(), name);
    Dataset<Row> rows = Tables.read(spark, root, Tables.RESULTS);
    Row row = rows.first();
    for (ResultField r : plan.results()) {
      assertTrue(java.util.Arrays.asList(rows.columns()).contains(r.name()), name + " lacks column " + r.name());
    }
    if (!"ok".equals(row.getAs("status"))) {
      notOk.add(name + ": " + row.getAs("status") + " (" + row.getAs("reason") + ")");
    }
    assertEquals(1, Tables.read(spark, root, Tables.RUNS).count(), name);
  }

  /** SingleNodeModel's own 'feasible' flag is kept beside the table's, namespaced by its stage. */
  @Test
  void aCollidingOutputIsNamespacedByItsStage() {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("node.yaml", specFor("SingleNodeModel")), ZOO);
    List<String> names = plan.results().stream().map(ResultField::name).toList();
    assertTrue(names.contains("single_node_feasible"), names.toString());
    assertFalse(names.contains("feasible"), names.toString());
  }

  /** ServingModel's "no decode device" and "no draft model" defaults are not zoo names and get no column. */
  @Test
  void inputsWhoseDefaultMeansNoneStayUnset() {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("serve.yaml", specFor("ServingModel")), ZOO);
    List<String> dims = plan.space().dimensions().stream().map(d -> d.name()).toList();
    assertFalse(dims.contains("decode_hardware") || dims.contains("draft_workload"), dims.toString());
    StudyPlan given = StudyPlan.compile(StudySpec.parse("serve2.yaml", specFor("ServingModel")
        .replace("space:\n", "fixed:\n  decode_hardware: H200\nspace:\n")), ZOO);
    assertTrue(given.space().dimensions().stream().anyMatch(d -> d.name().equals("decode_hardware")));
  }
}
