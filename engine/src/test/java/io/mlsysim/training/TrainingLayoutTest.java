package io.mlsysim.training;

import static io.mlsysim.training.PublishedFormulas.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.core.InfeasibleException;
import org.junit.jupiter.api.Test;

/**
 * The counts a step derives from its job: micro-batches, stage layers, the dense/vocabulary/expert
 * split of the parameters and the weights one rank holds, and the shapes that do not divide.
 */
class TrainingLayoutTest {

  private static TrainingJob.Builder llama70() {
    return TrainingJob.of(Workloads.Language.LLAMA3_70B);
  }

  @Test
  void aBatchSmallerThanTheDataParallelDegreeIsInfeasibleAndSaysSo() {
    // Research_256: 256 H100; tp 1, pp 1 leaves dp 256 replicas for 16 sequences.
    TrainingJob job = TrainingJob.of(Workloads.Language.LLAMA3_8B).batch(16).tp(1).pp(1).build();
    InfeasibleException e = assertThrows(InfeasibleException.class,
        () -> TrainingStep.of(job, Systems.Clusters.RESEARCH_256, StepOptions.DEFAULTS));
    assertTrue(e.getMessage().contains("16"), e.getMessage());
    assertTrue(e.getMessage().contains("256"), e.getMessage());
  }

  @Test
  void aBatchThatIsNotAMultipleOfDpTimesMicrobatchSizeIsInfeasible() {
    // dp 32 · mbs 2 = 64 sequences per round; 1000 = 15.625 rounds.
    TrainingJob job = llama70().batch(1000).dp(32).microbatchSize(2).build();
    InfeasibleException e = assertThrows(InfeasibleException.class, () -> TrainingLayout.of(job));
    assertTrue(e.getMessage().contains("1000") && e.getMessage().contains("64"), e.getMessage());
  }

  @Test
  void microbatchesAreBatchOverDpTimesMicrobatchSize() {
    TrainingLayout l = TrainingLayout.of(llama70().batch(1024).dp(32).microbatchSize(2).build());
    assertEquals(1024 / (32 * 2), l.microbatches());
    assertEquals(16, l.microbatches());
    assertEquals(1024 / 32, l.samplesPerRank());
    assertEquals(2.0 * llama70().build().seqLen(), l.tokensPerMicrobatch());
  }

  @Test
  void stageLayersAreTheCeilingOfLayersOverStages() {
    // 80 layers on 3 stages: the busiest holds ⌈80/3⌉ = 27.
    assertEquals(27, TrainingLayout.of(llama70().pp(3).build()).layersPerStage());
    assertEquals(20, TrainingLayout.of(llama70().pp(4).build()).layersPerStage());
    assertEquals(LLAMA3_70B_L, TrainingLayout.of(llama70().build()).layersPerStage());
  }

  @Test
  void interleaveMustDivideTheStageLayers() {
    // pp 4: ⌈80/4⌉ = 20 layers per stage; 3 does not divide 20, 2 and 5 do. m = 64/8 = 8, a multiple of 4.
    TrainingJob.Builder b = llama70().pp(4).dp(8).batch(64);
    InfeasibleException e = assertThrows(InfeasibleException.class, () -> TrainingLayout.of(b.interleave(3).build()));
    assertTrue(e.getMessage().contains("20"), e.getMessage());
    assertEquals(8, TrainingLayout.of(b.interleave(2).build()).microbatches());
    assertEquals(8, TrainingLayout.of(b.interleave(5).build()).microbatches());
  }

  @Test
  void interleaveNeedsPipelineParallelism() {
    assertThrows(InfeasibleException.class, () -> TrainingLayout.of(llama70().pp(1).interleave(2).build()));
  }

  @Test
  void interleaveNeedsMicrobatchesToBeAMultipleOfStages() {
    // m = 6 micro-batches on 4 stages.
    TrainingJob job = llama70().pp(4).dp(1).batch(6).interleave(2).build();
    InfeasibleException e = assertThrows(InfeasibleException.class, () -> TrainingLayout.of(job));
    assertTrue(e.getMessage().contains("6") && e.getMessage().contains("4"), e.getMessage());
  }

  @Test
  void expertParallelismMustDivideDataParallelism() {
    TrainingJob.Builder b = TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).ep(8).batch(48);
    InfeasibleException e = assertThrows(InfeasibleException.class, () -> TrainingLayout.of(b.dp(12).build()));
    assertTrue(e.getMessage().contains("8") && e.getMessage().contains("12"), e.getMessage());
    TrainingLayout ok = TrainingLayout.of(b.dp(16).batch(64).build());
    assertEquals(16 / 8, ok.expertDp());
  }

  @Test
  void mixtralSplitsIntoDenseVocabularyAndExpertWeights() {
    // P = D + E·e, A = D + k·e, so e = (P − A)/(E − k); the experts hold E·e in total.
    double e = (MIXTRAL_P - MIXTRAL_ACTIVE) / (MIXTRAL_E - MIXTRAL_K);
    double expertTotal = MIXTRAL_E * e;
    double vocab = (double) MIXTRAL_VOCAB * MIXTRAL_H;
    double denseLayer = (MIXTRAL_P - expertTotal - vocab) / MIXTRAL_L;
    TrainingLayout l = TrainingLayout.of(TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).build());
    assertRel(vocab, l.vocabParams(), "V·h");
    assertRel(expertTotal / MIXTRAL_L, l.expertLayerParams(), "expert weights per layer");
    assertRel(denseLayer, l.denseLayerParams(), "dense weights per layer");
    assertRel(denseLayer + MIXTRAL_K * e / MIXTRAL_L, l.activeLayerParams(), "dense + top-k experts per layer");
    assertTrue(l.hasExperts());
    // The split adds back up: L·(dense + experts) + V·h = P; L·active + V·h = A.
    assertRel(MIXTRAL_P, MIXTRAL_L * (l.denseLayerParams() + l.expertLayerParams()) + l.vocabParams(), "P");
    assertRel(MIXTRAL_ACTIVE, MIXTRAL_L * l.activeLayerParams() + l.vocabParams(), "A");
  }

  @Test
  void deepSeekV3SplitFollowsTheSameFormula() {
    double e = (DSV3_P - DSV3_ACTIVE) / (DSV3_E - DSV3_K);
    double expertTotal = DSV3_E * e;
    double vocab = (double) DSV3_VOCAB * DSV3_H;
    TrainingLayout l = TrainingLayout.of(TrainingJob.of(Workloads.Language.DEEPSEEK_V3).build());
    assertRel(expertTotal / DSV3_L, l.expertLayerParams(), "expert weights per layer");
    assertRel((DSV3_P - expertTotal - vocab) / DSV3_L, l.denseLayerParams(), "dense weights per layer");
    assertRel((DSV3_P - expertTotal - vocab) / DSV3_L + DSV3_K * e / DSV3_L, l.activeLayerParams(), "active");
  }

  @Test
  void aDenseModelHasNoExperts() {
    TrainingLayout l = TrainingLayout.of(llama70().build());
    assertEquals(0.0, l.expertLayerParams());
    assertEquals(0.0, l.expertParamsPerRank());
    assertRel((LLAMA3_70B_P - (double) LLAMA3_VOCAB * LLAMA3_70B_H) / LLAMA3_70B_L, l.denseLayerParams(),
        "(P − V·h)/L");
    assertRel(l.denseLayerParams(), l.activeLayerParams(), "a dense token uses every weight");
  }

  @Test
  void withoutPipelineARankHoldsPOverTp() {
    assertRel(LLAMA3_70B_P / 8, TrainingLayout.of(llama70().tp(8).build()).paramsPerRank(), "P/tp");
    assertRel(LLAMA3_70B_P, TrainingLayout.of(llama70().build()).paramsPerRank(), "P");
    // An MoE without expert parallelism too: P/tp.
    assertRel(MIXTRAL_P / 4,
        TrainingLayout.of(TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).tp(4).build()).paramsPerRank(), "P/tp");
  }

  @Test
  void withPipelineARankHoldsItsStageLayersAndOneVocabularyMatrix() {
    double vh = (double) LLAMA3_VOCAB * LLAMA3_70B_H;
    // pp 4 → 20 layers; pp 3 → 27 layers (the busiest stage).
    for (int[] shape : new int[][] {{8, 4, 20}, {8, 3, 27}, {4, 2, 40}}) {
      int tp = shape[0];
      int pp = shape[1];
      int lps = shape[2];
      double expected = ((LLAMA3_70B_P - vh) / LLAMA3_70B_L * lps + vh) / tp;
      TrainingLayout l = TrainingLayout.of(llama70().tp(tp).pp(pp).build());
      assertRel(expected, l.paramsPerRank(), "tp " + tp + " pp " + pp);
      assertRel(expected, l.denseParamsPerRank(), "all dense");
    }
  }

  @Test
  void expertWeightsAreShardedOverExpertParallelism() {
    double e = (MIXTRAL_P - MIXTRAL_ACTIVE) / (MIXTRAL_E - MIXTRAL_K);
    double expertTotal = MIXTRAL_E * e;
    double vh = (double) MIXTRAL_VOCAB * MIXTRAL_H;
    int tp = 2;
    int pp = 4; // 8 layers per stage
    int ep = 4;
    TrainingLayout l = TrainingLayout.of(TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).tp(tp).pp(pp).ep(ep).dp(8)
        .batch(8).build());
    assertRel(((MIXTRAL_P - vh - expertTotal) / MIXTRAL_L * 8 + vh) / tp, l.denseParamsPerRank(), "dense per rank");
    assertRel(expertTotal / MIXTRAL_L * 8 / (tp * ep), l.expertParamsPerRank(), "experts per rank");
  }

  @Test
  void inFlightMicrobatchesFollowTheSchedule() {
    // 1F1B: min(m, p). m = 2 on 4 stages holds 2; m = 8 holds 4.
    assertEquals(2.0, TrainingLayout.of(llama70().pp(4).batch(2).build()).inFlightStages());
    assertEquals(4.0, TrainingLayout.of(llama70().pp(4).batch(8).build()).inFlightStages());
    // Interleaved (Korthikanti et al. 2022, Section 4.2.3): p·(1 + (p−1)/(p·v)) = 4·(1 + 3/8) = 5.5.
    assertRel(4 * (1 + 3.0 / (4 * 2)), TrainingLayout.of(llama70().pp(4).batch(16).interleave(2).build())
        .inFlightStages(), "interleaved in flight");
  }
}
