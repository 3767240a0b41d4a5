package io.mlsysim.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Workloads;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.DistributedModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What no training stack accepts is refused with an InvalidInputException naming the field. */
class TrainingRefusalsTest {

  private static void refused(String field, Executable build) {
    InvalidInputException e = assertThrows(InvalidInputException.class, build::run);
    assertEquals(field, e.port(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  interface Executable {
    void run();
  }

  @Test
  void tpMustDivideTheHeads() {
    // Llama3_70B has 64 heads; 3 does not divide them, 8 does.
    refused("tp", () -> TrainingJob.of(Workloads.Language.LLAMA3_70B).tp(3).build());
    assertEquals(8, TrainingJob.of(Workloads.Language.LLAMA3_70B).tp(8).build().tp());
  }

  @Test
  void moreStagesThanLayersAreRefused() {
    // Llama3_8B has 32 layers.
    refused("pp", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).pp(33).build());
    assertEquals(32, TrainingJob.of(Workloads.Language.LLAMA3_8B).pp(32).build().pp());
  }

  @Test
  void integerTrainingIsRefused() {
    refused("precision", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).precision(Precision.INT8).build());
    refused("precision", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).precision(Precision.INT4).build());
  }

  @Test
  void expertParallelismNeedsExperts() {
    refused("ep", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).ep(2).build());
    // Mixtral has 8 experts.
    refused("ep", () -> TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).ep(16).build());
    assertEquals(8, TrainingJob.of(Workloads.Language.MIXTRAL_8X7B).ep(8).build().ep());
  }

  @Test
  void zeroStageFourDoesNotExist() {
    refused("zero_stage", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).zeroStage(4).build());
    refused("zero_stage", () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).zeroStage(-1).build());
  }

  @Test
  void gradientsAreNotKeptInFp8() {
    refused("gradient_precision",
        () -> TrainingJob.of(Workloads.Language.LLAMA3_8B).gradientPrecision(Precision.FP8).build());
  }

  @Test
  void pessimismFactorsBelowOneAreRefused() {
    double eff = Calibration.COMM_OVERLAP_EFFICIENCY;
    refused("congestion_factor", () -> new StepOptions(false, eff, 0.9, 1, 1));
    refused("straggler_factor", () -> new StepOptions(false, eff, 1, 0.9, 1));
    refused("moe_imbalance", () -> new StepOptions(false, eff, 1, 1, 0.9));
    StepOptions ok = new StepOptions(false, eff, 1, 1, 1);
    assertEquals(1.0, ok.congestion());
  }

  @Test
  void thePipelineRefusesAStragglerFactorBelowOne() {
    Map<String, Object> in = new HashMap<>(Map.of("workload", "Llama3_70B", "fleet", "Frontier_8K", "batch", 1024,
        "tp", 8, "pp", 4));
    in.put("straggler_factor", 0.5);
    refused("straggler_factor", () -> Pipeline.of(new DistributedModel()).run(in));
  }
}
