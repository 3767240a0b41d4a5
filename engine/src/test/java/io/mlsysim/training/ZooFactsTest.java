package io.mlsysim.training;

import static io.mlsysim.training.PublishedFormulas.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.Hardware;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.Precision;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import org.junit.jupiter.api.Test;

/** The zoo still says what the term tests state as their inputs (datasheets, model cards). */
class ZooFactsTest {

  @Test
  void acceleratorsMatchTheirDatasheets() {
    assertEquals(H100_BF16_FLOPS, Hardware.Cloud.H100.compute().flops(Precision.BF16), 1);
    assertEquals(H100_FP8_FLOPS, Hardware.Cloud.H100.compute().flops(Precision.FP8), 1);
    assertEquals(H100_HBM, Hardware.Cloud.H100.memory().bandwidth(), 1);
    assertEquals(A100_BF16_FLOPS, Hardware.Cloud.A100.compute().flops(Precision.BF16), 1);
    assertEquals(A100_HBM, Hardware.Cloud.A100.memory().bandwidth(), 1);
  }

  @Test
  void fleetsAreTheStatedNodesAndFabrics() {
    Fleet frontier = Systems.Clusters.FRONTIER_8K;
    assertEquals(8192, frontier.totalAccelerators());
    assertEquals(8, frontier.acceleratorsPerNode());
    assertEquals(DGX_H100_NVLINK, frontier.node().intraNodeBandwidth(), 1);
    assertEquals(8, frontier.node().nicsPerNode());
    assertEquals(NDR, frontier.fabric().bandwidth(), 1);
    assertEquals(1.0, frontier.fabric().oversubscription());
    assertEquals("H100", frontier.accelerator().name());

    Fleet lab = Systems.Clusters.LAB_64_H100;
    assertEquals(64, lab.totalAccelerators());
    assertEquals(HDR, lab.fabric().bandwidth(), 1);
    assertEquals(1.0, lab.fabric().oversubscription());

    Fleet selene = Systems.Clusters.SELENE_32;
    assertEquals(32, selene.totalAccelerators());
    assertEquals(8, selene.acceleratorsPerNode());
    assertEquals(DGX_A100_NVLINK, selene.node().intraNodeBandwidth(), 1);
    assertEquals(8, selene.node().nicsPerNode());
    assertEquals(HDR, selene.fabric().bandwidth(), 1);
    assertEquals(A100_HBM, selene.accelerator().memory().bandwidth(), 1);
    assertEquals(A100_BF16_FLOPS, selene.accelerator().compute().flops(Precision.BF16), 1);

    assertEquals(256, Systems.Clusters.RESEARCH_256.totalAccelerators());
    assertEquals("A100", Systems.Clusters.TRAINING_1K_A100.accelerator().name());
  }

  @Test
  void workloadsMatchTheirModelCards() {
    TransformerWorkload l70 = (TransformerWorkload) Workloads.Language.LLAMA3_70B;
    assertEquals(LLAMA3_70B_P, l70.parameters(), 1);
    assertEquals(LLAMA3_70B_L, l70.layers());
    assertEquals(LLAMA3_70B_H, l70.hiddenSize());
    assertEquals(LLAMA3_70B_HEADS, l70.heads());
    assertEquals(LLAMA3_VOCAB, l70.vocabSize());
    TransformerWorkload l8 = (TransformerWorkload) Workloads.Language.LLAMA3_8B;
    assertEquals(LLAMA3_8B_P, l8.parameters(), 1);
    assertEquals(LLAMA3_8B_L, l8.layers());
    assertEquals(LLAMA3_8B_H, l8.hiddenSize());
    assertEquals(LLAMA3_8B_HEADS, l8.heads());
    assertEquals(LLAMA3_VOCAB, l8.vocabSize());
    SparseTransformerWorkload mx = (SparseTransformerWorkload) Workloads.Language.MIXTRAL_8X7B;
    assertEquals(MIXTRAL_P, mx.parameters(), 1);
    assertEquals(MIXTRAL_ACTIVE, mx.activeParameters(), 1);
    assertEquals(MIXTRAL_L, mx.layers());
    assertEquals(MIXTRAL_H, mx.hiddenSize());
    assertEquals(MIXTRAL_HEADS, mx.heads());
    assertEquals(MIXTRAL_VOCAB, mx.vocabSize());
    assertEquals(MIXTRAL_E, mx.experts());
    assertEquals(MIXTRAL_K, mx.activeExperts());
    SparseTransformerWorkload ds = (SparseTransformerWorkload) Workloads.Language.DEEPSEEK_V3;
    assertEquals(DSV3_P, ds.parameters(), 1);
    assertEquals(DSV3_ACTIVE, ds.activeParameters(), 1);
    assertEquals(DSV3_L, ds.layers());
    assertEquals(DSV3_H, ds.hiddenSize());
    assertEquals(DSV3_VOCAB, ds.vocabSize());
    assertEquals(DSV3_E, ds.experts());
    assertEquals(DSV3_K, ds.activeExperts());
  }
}
