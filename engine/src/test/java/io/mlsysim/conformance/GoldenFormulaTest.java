package io.mlsysim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mlsysim.physics.Collectives;
import io.mlsysim.physics.Reliability;
import io.mlsysim.physics.Roofline;
import io.mlsysim.physics.TransformerMath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every bare-formula golden case with the physics functions. The golden file states
 * each formula as text; each computation here pins that text, so an edited case fails loudly
 * instead of being compared against a different formula.
 */
class GoldenFormulaTest {

  static List<GoldenCases.Case> formulaCases() {
    return GoldenCases.formulas();
  }

  @Test
  void everyFormulaCaseHasAComputation() {
    assertFalse(formulaCases().isEmpty());
    for (GoldenCases.Case c : formulaCases()) {
      compute(c); // throws for an unknown id
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulaCases")
  void reproduces(GoldenCases.Case c) {
    GoldenAssert.matches(c, compute(c));
  }

  private static Map<String, Object> compute(GoldenCases.Case c) {
    return switch (c.id()) {
      case "bottleneck-helper" -> {
        pin(c, "bottleneck(ops=1 TFLOP, bytes=1 GB, peak=1 TFLOP/s, bw=1 GB/s)");
        yield Map.of("arithmetic_intensity_flop_per_byte", Roofline.arithmeticIntensity(1e12, 1e9));
      }
      case "ring-allreduce" -> {
        pin(c, "ring_allreduce(bytes=1e9, n=8, bw=50 GB/s, alpha=500 ns)");
        yield Map.of("seconds", Collectives.ringAllReduce(1e9, 8, 50e9, 500e-9));
      }
      case "tree-allreduce" -> {
        pin(c, "tree_allreduce(bytes=1e9, n=8, bw=50 GB/s, alpha=500 ns)");
        yield Map.of("seconds", Collectives.treeAllReduce(1e9, 8, 50e9, 500e-9));
      }
      case "training-flops-6pd" -> {
        pin(c, "training_flops(P=175e9, D=300e9)");
        yield Map.of("flop", TransformerMath.trainingFlops(175e9, 300e9));
      }
      case "pipeline-bubble" -> {
        pin(c, "bubble_fraction(p=4, m=8, v=1)");
        yield Map.of("fraction", Collectives.bubbleFraction(4, 8, 1));
      }
      case "kv-cache-1gib" -> {
        pin(c, "kv_cache(layers=32, kv_heads=32, head_dim=128, seq=2048, batch=1, bytes=2)");
        yield Map.of("bytes", TransformerMath.kvCacheBytes(32, 32, 128, 2048, 1, 2));
      }
      case "amdahl" -> {
        pin(c, "amdahl(parallel_fraction=0.9, speedup=10)");
        yield Map.of("speedup", Reliability.amdahlSpeedup(0.9, 10));
      }
      case "stacked-availability" -> {
        pin(c, "availability(a=0.999, replicas=3)");
        yield Map.of("availability", Reliability.replicatedAvailability(0.999, 3));
      }
      case "failure-probability" -> {
        // T = MTBF: any MTBF gives 1 − e^−1; use one day.
        pin(c, "failure_probability(T=MTBF)");
        yield Map.of("p", Reliability.failureProbability(86_400, 86_400));
      }
      default -> throw new AssertionError("golden formula case '" + c.id()
          + "' has no computation in " + GoldenFormulaTest.class.getSimpleName());
    };
  }

  private static void pin(GoldenCases.Case c, String formula) {
    assertEquals(formula, c.formula(), c.id() + ": the golden formula text changed; update the computation");
  }
}
