package io.mlsysim.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.models.ServingModel;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.models.TrainingMemoryModel;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden case that names a resolver through that resolver, the way a user would: a
 * one-stage {@link Pipeline} fed the case's inputs as zoo names and plain numbers. Each resolver
 * plugs in with a {@link Runner} in {@link #RUNNERS}: how golden input keys map to its ports and
 * how golden output keys (which carry their unit in the name, e.g. {@code latency_ms}) map to
 * its produced ports. A case whose resolver has no runner fails: every published case must run.
 */
class GoldenResolverTest {

  /** A golden input key fed to a port, with a conversion from the YAML value. */
  record In(String port, Function<JsonNode, Object> value) {
    static In same(String port) {
      return new In(port, GoldenResolverTest::plain);
    }
  }

  /** A golden output key read from a produced port, scaled from canonical SI by {@code factor}. */
  record Out(String port, double factor) {
    static Out of(String port) {
      return new Out(port, 1);
    }
  }

  /**
   * How to run one resolver: the resolver, input keys that need a different port name or a
   * conversion (other keys pass through unchanged), the golden output keys, and golden input
   * keys whose value also feeds another port because the reference reads it that way (see
   * {@link #REFERENCE_TRAINING_SEMANTICS}).
   */
  record Runner(Supplier<Resolver<?>> resolver, Map<String, In> inputs, Map<String, Out> outputs,
      Map<String, String> alsoFeeds) {

    Runner(Supplier<Resolver<?>> resolver, Map<String, In> inputs, Map<String, Out> outputs) {
      this(resolver, inputs, outputs, Map.of());
    }

    Map<String, Object> run(JsonNode caseInputs) {
      Resolver<?> r = resolver.get();
      Map<String, Object> in = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = caseInputs.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        In mapping = inputs.getOrDefault(e.getKey(), In.same(e.getKey()));
        in.put(mapping.port(), mapping.value().apply(e.getValue()));
        if (alsoFeeds.containsKey(e.getKey())) {
          in.put(alsoFeeds.get(e.getKey()), plain(e.getValue()));
        }
      }
      ResultView view = Pipeline.of(r).run(in).view(r.name());
      Map<String, Object> out = new HashMap<>();
      for (Map.Entry<String, Out> e : outputs.entrySet()) {
        ResultView.Field f = view.field(e.getValue().port());
        out.put(e.getKey(), switch (f.shape()) {
          case FLAG -> f.number() != 0;
          case TEXT, OBJECT -> f.value();
          default -> f.number() * e.getValue().factor();
        });
      }
      return out;
    }
  }

  /**
   * The reference engine's training memory has no micro-batches and no gradient precision of its
   * own: it sizes activations for the whole batch at once and keeps gradients in the training
   * precision. Our defaults are Megatron-LM's (one-sequence micro-batches, fp32 gradients), so
   * its golden case is reproduced by stating the reference's reading explicitly: the batch is the
   * micro-batch, the precision is the gradient precision. The published values are unchanged.
   */
  static final Map<String, String> REFERENCE_TRAINING_SEMANTICS = Map.of(
      "batch", "microbatch_size", "precision", "gradient_precision");

  static final double MS = 1e3;
  static final double GB = 1e-9;
  static final double KWH = 1 / 3.6e6;

  /** Resolver name → runner. Add a resolver's golden cases by adding its runner here. */
  static final Map<String, Runner> RUNNERS = Map.of(
      "SingleNodeModel", new Runner(SingleNodeModel::new, Map.of(), Map.of(
          "feasible", Out.of("feasible"),
          "bottleneck", Out.of("bottleneck"),
          "latency_ms", new Out("latency", MS),
          "throughput_per_s", Out.of("throughput"),
          "memory_footprint_gb", new Out("memory_footprint", GB),
          "arithmetic_intensity_flop_per_byte", Out.of("arithmetic_intensity"),
          "mfu", Out.of("mfu"),
          "energy_j", Out.of("energy"),
          "overhead_dominated", Out.of("overhead_dominated"))),
      "ServingModel", new Runner(ServingModel::new, Map.of(), Map.of(
          "ttft_ms", new Out("ttft", MS),
          "itl_ms", new Out("itl", MS),
          "kv_cache_gb", new Out("kv_cache_size", GB),
          "model_weights_gb", new Out("model_weights_size", GB),
          "total_memory_gb", new Out("total_memory_required", GB),
          "memory_utilization", Out.of("serving_memory_utilization"))),
      "TrainingMemoryModel", new Runner(TrainingMemoryModel::new, Map.of(), Map.of(
          "feasible", Out.of("training_memory_feasible"),
          "weights_gb", new Out("weights_memory", GB),
          "gradients_gb", new Out("gradients_memory", GB),
          "optimizer_state_gb", new Out("optimizer_memory", GB),
          "activations_gb", new Out("activation_memory", GB),
          "communication_buffers_gb", new Out("buffer_memory", GB),
          "total_gb", new Out("training_memory", GB),
          "memory_utilization", Out.of("training_memory_utilization")), REFERENCE_TRAINING_SEMANTICS),
      "SustainabilityModel", new Runner(SustainabilityModel::new,
          Map.of("duration_days", new In("duration", n -> n.asDouble() * 86_400)), Map.of(
          "it_energy_kwh", new Out("it_energy", KWH),
          "total_energy_kwh", new Out("facility_energy", KWH),
          "operational_carbon_kg", Out.of("operational_carbon"),
          "water_l", Out.of("water"),
          "pue", Out.of("pue"))));

  static List<GoldenCases.Case> resolverCases() {
    return GoldenCases.resolvers();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resolverCases")
  void reproducesThroughResolver(GoldenCases.Case c) {
    Runner runner = RUNNERS.get(c.resolver());
    assertNotNull(runner, c.id() + ": no runner for " + c.resolver() + "; add one to RUNNERS");
    GoldenAssert.matches(c, runner.run(c.inputs()));
  }

  /** A YAML scalar as the Java value a pipeline input accepts (zoo names stay strings). */
  static Object plain(JsonNode n) {
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isIntegralNumber()) {
      return n.asInt();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    return n.asText();
  }
}
