package io.mlsysim.training;

import io.mlsysim.core.InfeasibleException;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;

/**
 * Every count a training step derives from its job, computed once so that compute, memory and
 * communication read the same numbers. Parameters are split into the vocabulary matrix
 * (V·h, on the first and last pipeline stages), dense layer weights (replicated over dp) and
 * expert weights (sharded over ep, replicated over dp/ep). The busiest stage holds
 * ⌈L/pp⌉ layers plus a vocabulary matrix (the embedding on the first stage, the output layer on
 * the last; with pp = 1 one stage holds both, counted once as the parameter count does).
 *
 * @param microbatches m = batch/(dp·microbatch_size): micro-batches per pipeline per step
 * @param samplesPerRank sequences each data-parallel replica trains per step, batch/dp
 * @param layersPerStage ⌈L/pp⌉, the busiest stage's layers
 * @param inFlightStages micro-batches' worth of one stage's activations the first stage holds
 *     (min(m, p) for 1F1B; p·(1 + (p−1)/(p·v)) for the interleaved schedule, Korthikanti et al. 2022)
 * @param vocabParams V·h, 0 when the workload gives no vocabulary
 * @param denseLayerParams weights of one layer that every token uses
 * @param expertLayerParams weights of all experts of one layer (0 for a dense model)
 * @param activeLayerParams weights one token multiplies in one layer: dense plus its top-k experts
 * @param denseParamsPerRank dense and vocabulary weights one rank of the busiest stage holds
 * @param expertParamsPerRank expert weights one rank holds
 */
public record TrainingLayout(
    TrainingJob job,
    int expertDp,
    int microbatches,
    int samplesPerRank,
    int layersPerStage,
    double inFlightStages,
    double vocabParams,
    double denseLayerParams,
    double expertLayerParams,
    double activeLayerParams,
    double denseParamsPerRank,
    double expertParamsPerRank) {

  /** The layout of a job, or {@link InfeasibleException} naming the numbers that do not divide. */
  public static TrainingLayout of(TrainingJob job) {
    TransformerWorkload w = job.workload();
    int dp = job.dp();
    int ep = job.ep();
    int pp = job.pp();
    int v = job.interleave();
    if (dp % ep != 0) {
      throw new InfeasibleException("ep " + ep + " does not divide the data-parallel degree dp " + dp
          + "; expert parallelism is carved out of data parallelism, so choose ep dividing " + dp);
    }
    long perStep = (long) dp * job.microbatchSize();
    if (job.batch() % perStep != 0) {
      throw new InfeasibleException("batch " + job.batch() + " does not split into whole micro-batches: dp " + dp
          + " × microbatch_size " + job.microbatchSize() + " = " + perStep + " sequences per round gives "
          + fraction(job.batch(), perStep) + " micro-batches; use a batch that is a multiple of " + perStep);
    }
    int m = (int) (job.batch() / perStep);
    int layers = w.layers();
    int lps = (layers + pp - 1) / pp;
    if (v > 1) {
      if (pp == 1) {
        throw new InfeasibleException("interleave " + v + " needs pipeline parallelism (pp > 1); use interleave 1");
      }
      if (lps % v != 0) {
        throw new InfeasibleException("interleave " + v + " does not divide the " + lps
            + " layers per pipeline stage; choose a divisor of " + lps);
      }
      if (m % pp != 0) {
        throw new InfeasibleException("the interleaved schedule needs micro-batches m = " + m
            + " to be a multiple of pp " + pp + "; change batch or microbatch_size");
      }
    }
    double inFlight = v == 1 ? Math.min(m, pp) : Math.min(m, pp * (1.0 + (pp - 1.0) / ((double) pp * v)));
    double vocab = (double) w.vocabSize() * w.hiddenSize();
    double total = w.parameters();
    double expertTotal = 0;
    double activeExpert = 0;
    if (w instanceof SparseTransformerWorkload s && s.experts() > s.activeExperts()) {
      // P = D + E·e and A = D + k·e give one expert's weights e = (P − A)/(E − k).
      double perExpert = (total - s.activeParameters()) / (s.experts() - s.activeExperts());
      expertTotal = perExpert * s.experts();
      activeExpert = perExpert * s.activeExperts();
    }
    double denseLayer = Math.max(0, total - expertTotal - vocab) / layers;
    double expertLayer = expertTotal / layers;
    double activeLayer = denseLayer + activeExpert / layers;
    int tp = job.tp();
    double denseRank = (denseLayer * lps + vocab) / tp;
    double expertRank = expertLayer * lps / ((double) tp * ep);
    return new TrainingLayout(job, dp / ep, m, job.batch() / dp, lps, inFlight, vocab, denseLayer, expertLayer,
        activeLayer, denseRank, expertRank);
  }

  private static String fraction(long a, long b) {
    return String.format(java.util.Locale.ROOT, "%.4g", (double) a / b);
  }

  /** Weights one rank of the busiest stage holds: dense, vocabulary and expert. */
  public double paramsPerRank() {
    return denseParamsPerRank + expertParamsPerRank;
  }

  /** Tokens in one micro-batch: microbatch_size · seq_len. */
  public double tokensPerMicrobatch() {
    return (double) job.microbatchSize() * job.seqLen();
  }

  /** True for a mixture-of-experts model. */
  public boolean hasExperts() {
    return expertLayerParams > 0;
  }
}
