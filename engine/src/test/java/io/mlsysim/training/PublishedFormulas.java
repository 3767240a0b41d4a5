package io.mlsysim.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The expected side of the training-term tests: the published formulas re-implemented here, from
 * the papers, without calling the code under test, and the zoo facts the tests use, stated with
 * their sources ({@code ZooFactsTest} checks that the zoo still says the same).
 */
public final class PublishedFormulas {
  private PublishedFormulas() {}

  // ---- Zoo facts (engine/src/main/resources/io/mlsysim/zoo/data/...) ----

  /** H100 SXM dense bf16/fp16 tensor rate, 989 TFLOP/s (NVIDIA H100 datasheet; hardware/cloud.yaml). */
  public static final double H100_BF16_FLOPS = 989e12;
  /** H100 SXM dense fp8 tensor rate, 1979 TFLOP/s (datasheet). */
  public static final double H100_FP8_FLOPS = 1979e12;
  /** H100 HBM3 bandwidth, 3.35 TB/s (datasheet). */
  public static final double H100_HBM = 3.35e12;
  /** A100 dense bf16/fp16 tensor rate, 312 TFLOP/s (A100 datasheet). */
  public static final double A100_BF16_FLOPS = 312e12;
  /** A100 80GB HBM2e bandwidth, 2039 GB/s (datasheet). */
  public static final double A100_HBM = 2039e9;
  /** DGX H100 NVLink 4: 900 GB/s bidirectional, 450 GB/s per direction (systems/nodes.yaml). */
  public static final double DGX_H100_NVLINK = 450e9;
  /** DGX A100 (and Selene node) NVLink 3: 300 GB/s per direction. */
  public static final double DGX_A100_NVLINK = 300e9;
  /** InfiniBand NDR port, 400 Gb/s = 50 GB/s (systems/fabrics.yaml); one NIC per GPU on DGX H100. */
  public static final double NDR = 400e9 / 8;
  /** InfiniBand HDR port, 200 Gb/s = 25 GB/s; one NIC per GPU on DGX H100 and on Selene. */
  public static final double HDR = 200e9 / 8;

  /** Llama 3 model card (workloads/language.yaml). */
  public static final double LLAMA3_70B_P = 70.6e9;
  public static final int LLAMA3_70B_L = 80;
  public static final int LLAMA3_70B_H = 8192;
  public static final int LLAMA3_70B_HEADS = 64;
  public static final double LLAMA3_8B_P = 8.03e9;
  public static final int LLAMA3_8B_L = 32;
  public static final int LLAMA3_8B_H = 4096;
  public static final int LLAMA3_8B_HEADS = 32;
  public static final int LLAMA3_VOCAB = 128256;
  /** Jiang et al. 2024, Mixtral of Experts. */
  public static final double MIXTRAL_P = 46.7e9;
  public static final double MIXTRAL_ACTIVE = 12.9e9;
  public static final int MIXTRAL_L = 32;
  public static final int MIXTRAL_H = 4096;
  public static final int MIXTRAL_HEADS = 32;
  public static final int MIXTRAL_VOCAB = 32000;
  public static final int MIXTRAL_E = 8;
  public static final int MIXTRAL_K = 2;
  /** DeepSeek-V3 technical report. */
  public static final double DSV3_P = 671e9;
  public static final double DSV3_ACTIVE = 37e9;
  public static final int DSV3_L = 61;
  public static final int DSV3_H = 7168;
  public static final int DSV3_VOCAB = 129280;
  public static final int DSV3_E = 256;
  public static final int DSV3_K = 8;

  // ---- α–β collectives (Thakur et al. 2005; Patarasuk & Yuan 2009) ----

  /** Ring all-reduce of M bytes among n: 2(n−1)/n·M/β + 2(n−1)·α. */
  public static double ringAllReduce(double bytes, int n, double beta, double alpha) {
    return n <= 1 ? 0 : 2.0 * (n - 1) * bytes / (n * beta) + 2.0 * (n - 1) * alpha;
  }

  /** All-to-all of M bytes per member among n: (n−1)/n·M/β + (n−1)·α. */
  public static double allToAll(double bytes, int n, double beta, double alpha) {
    return n <= 1 ? 0 : (n - 1.0) * bytes / (n * beta) + (n - 1.0) * alpha;
  }

  /**
   * Two-level all-reduce, g ranks per node on k nodes: reduce-scatter + all-gather inside the
   * node, 2·((g−1)/g·M/β_intra + (g−1)·α_intra), plus a ring all-reduce of the M/g shard across nodes.
   */
  public static double hierarchicalAllReduce(double bytes, int g, int k, double intra, double intraAlpha,
      double fabric, double fabricAlpha) {
    return 2 * ((g - 1.0) * bytes / (g * intra) + (g - 1.0) * intraAlpha) + ringAllReduce(bytes / g, k, fabric,
        fabricAlpha);
  }

  // ---- GEMM efficiency curve (physics/GemmEfficiency Javadoc) ----

  /** η = η_max·W/(W + η_max·peak·t₀). */
  public static double gemmEfficiency(double w, double peak, double etaMax, double t0) {
    return etaMax * w / (w + etaMax * peak * t0);
  }

  // ---- Korthikanti et al. 2022 (arXiv 2205.05198), Table 2, bytes per layer at 16-bit ----

  public enum Ckpt { NONE, SELECTIVE, FULL }

  /**
   * s sequence, b micro-batch, h hidden, a heads, t tensor-parallel degree:
   * none sbh(10+24/t+5as/(ht)); selective sbh(10+24/t); none+SP sbh/t·(34+5as/h);
   * selective+SP 34sbh/t; full 2sbh (2sbh/t with SP: the layer input is split too).
   */
  public static double korthikantiBytes(double s, double b, double h, double a, double t, boolean sp, Ckpt c) {
    double sbh = s * b * h;
    switch (c) {
      case NONE:
        return sp ? sbh / t * (34 + 5 * a * s / h) : sbh * (10 + 24 / t + 5 * a * s / (h * t));
      case SELECTIVE:
        return sp ? 34 * sbh / t : sbh * (10 + 24 / t);
      default:
        return sp ? 2 * sbh / t : 2 * sbh;
    }
  }

  // ---- assertions ----

  /** |expected − actual| ≤ rel·|expected|. */
  public static void assertRel(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, Math.abs(expected) * rel, what);
  }

  public static void assertRel(double expected, double actual, String what) {
    assertRel(expected, actual, 1e-9, what);
  }
}
