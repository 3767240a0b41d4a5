package io.mlsysim.physics;

/**
 * Achieved fraction of peak of a matrix multiplication as a function of its size. A GEMM of W
 * FLOP runs at most at {@code η_max} of peak and pays a fixed time {@code t₀} per kernel (launch,
 * the last partial wave of thread blocks, pipeline fill), so its time is
 * {@code W/(η_max·peak) + t₀} and its achieved efficiency
 * <pre>  η(W) = η_max · W / (W + η_max·peak·t₀)</pre>
 * Small per-rank GEMMs (small hidden/tp, short micro-batches) run far below peak, large ones
 * approach η_max — the behaviour behind the published per-GPU throughputs of Megatron-LM (which
 * rise with model size at a fixed tensor-parallel degree). The fixed time makes the curve move
 * with the chip: a faster chip needs a larger GEMM to reach the same fraction of its peak.
 */
public final class GemmEfficiency {
  private GemmEfficiency() {}

  /**
   * @param gemmFlops FLOP of one representative GEMM (2·rows·inner·cols)
   * @param peak the chip's peak rate at the GEMM's precision, FLOP/s
   * @param maxEfficiency η_max, the fraction of peak a very large GEMM reaches
   * @param fixedTime t₀, seconds each GEMM pays whatever its size
   */
  public static double achieved(double gemmFlops, double peak, double maxEfficiency, double fixedTime) {
    double ideal = gemmFlops / (maxEfficiency * peak);
    return maxEfficiency * ideal / (ideal + fixedTime);
  }
}
