package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Expert parallelism (Lepikhin et al. 2020, GShard, arXiv 2006.16668): each MoE layer sends its
 * tokens to their top-k experts and back, in the forward and the backward (four all-to-alls,
 * six with full recomputation), over the expert group;
 * {@code m·L_stage·n·A2A_ep(tokens·h·b·k·imbalance)·congestion}.
 */
public final class ExpertComm extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("ep_comm_latency", QuantityKind.TIME, "ms")
      .describedAs("expert-parallel all-to-all of routed tokens (dispatch and combine)");

  public ExpertComm() {
    super(PORT, Kind.COMMUNICATION, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    if (c.job.ep() <= 1 || !c.layout.hasExperts()) {
      return 0;
    }
    int n = c.fullRecompute() ? 6 : 4;
    double bytes = c.boundaryBytes * c.topK() * c.options.moeImbalance();
    return (double) c.m() * c.layers() * n * c.placement.ep().allToAll(bytes) * c.options.congestion();
  }
}
