package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Tensor-parallel collectives of every layer (Shoeybi et al. 2019, arXiv 1909.08053; Korthikanti
 * et al. 2022): two all-reduces of the {@code tokens·h} layer output in the forward, two in the
 * backward, two more when full recomputation reruns the forward. With sequence parallelism each
 * all-reduce becomes a reduce-scatter plus an all-gather, the same ring traffic. Not overlapped:
 * the next GEMM needs the result. {@code m·L_stage·n·AR_tp(tokens·h·b)·congestion}.
 */
public final class TensorParallelComm extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("tp_comm_latency", QuantityKind.TIME, "ms")
      .describedAs("tensor-parallel all-reduces (or reduce-scatter + all-gather) of every layer");

  public TensorParallelComm() {
    super(PORT, Kind.COMMUNICATION, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    if (c.job.tp() <= 1) {
      return 0;
    }
    int n = c.fullRecompute() ? 6 : 4;
    return (double) c.m() * c.layers() * n * c.placement.tp().allReduce(c.boundaryBytes) * c.options.congestion();
  }
}
