package io.mlsysim.training.terms;

import io.mlsysim.training.TrainingLayout;

/** Parameters of one rank, optionally sharded ZeRO-style: dense over dp, experts over dp/ep. */
final class Shards {
  private Shards() {}

  static double shard(TrainingLayout l, boolean sharded) {
    if (!sharded) {
      return l.paramsPerRank();
    }
    return l.denseParamsPerRank() / l.job().dp() + l.expertParamsPerRank() / l.expertDp();
  }
}
