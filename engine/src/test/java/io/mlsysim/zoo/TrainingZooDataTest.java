package io.mlsysim.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The zoo figures the training physics reads: vocabulary sizes and the Selene fleets. */
class TrainingZooDataTest {
  private final Zoo zoo = Zoo.builtIn();

  private int vocab(String workload) {
    return ((TransformerWorkload) zoo.workloads().get(workload)).vocabSize();
  }

  @Test
  void vocabularySizesAreThePublishedOnes() {
    // Llama 3 config vocab_size; Llama 2 paper (32k); GPT-2 paper Section 2.3; BERT's released
    // vocab.txt; DeepSeek-V3 config; Mixtral paper Table 1.
    assertEquals(128_256, vocab("Llama3_8B"));
    assertEquals(128_256, vocab("Llama3_405B"));
    assertEquals(32_000, vocab("Llama2_7B"));
    assertEquals(50_257, vocab("GPT3"));
    assertEquals(50_257, vocab("GPT2_Small"));
    assertEquals(30_522, vocab("BERT_Base"));
    assertEquals(129_280, vocab("DeepSeek_V3"));
    assertEquals(32_000, vocab("Mixtral_8x7B"));
  }

  @Test
  void unpublishedVocabularyStaysUnknown() {
    assertEquals(0, vocab("GPT4"), "OpenAI has not published GPT-4's tokenizer size for the model");
    assertEquals(0, zoo.workloads().get("GPT4").fields().get("vocab_size"));
  }

  @Test
  void vocabularyIsAFieldOfEveryTransformer() {
    for (Workload w : zoo.workloads().list()) {
      Map<String, Object> f = w.fields();
      assertEquals(w instanceof TransformerWorkload, f.containsKey("vocab_size"), w.name());
      if (w instanceof TransformerWorkload t) {
        assertEquals(t.vocabSize(), f.get("vocab_size"), w.name());
      }
    }
  }

  @Test
  void seleneNodeIsADgxA100WithEightHdrNics() {
    Node n = zoo.nodes().get("DGX_A100_80GB_Selene");
    assertSame(zoo.hardware().get("A100"), n.accelerator());
    assertEquals(80 * Math.pow(2, 30), n.accelerator().memory().capacity(), 1, "the 80 GB A100");
    assertEquals(8, n.acceleratorsPerNode());
    assertEquals(8, n.nicsPerNode());
    // NVLink 3: 600 GB/s per GPU counting both directions.
    assertEquals(600e9 / 2, n.intraNodeBandwidth(), 1);
    assertEquals("literature", n.source().kind().id());
  }

  @Test
  void everySeleneFleetMatchesItsName() {
    List<Fleet> selene = zoo.fleets().list().stream().filter(f -> f.name().startsWith("Selene_")).toList();
    TreeSet<Integer> gpuCounts = new TreeSet<>();
    for (Fleet f : selene) {
      int gpus = Integer.parseInt(f.name().substring("Selene_".length()));
      gpuCounts.add(gpus);
      assertEquals(gpus, f.totalAccelerators(), f.name());
      assertEquals(gpus / 8, f.nodeCount(), f.name());
      assertEquals(8, f.node().acceleratorsPerNode(), f.name());
      assertEquals(8, f.node().nicsPerNode(), f.name());
      assertSame(zoo.fabrics().get("InfiniBand_HDR"), f.fabric(), f.name());
      assertEquals("literature", f.source().kind().id(), f.name());
      assertTrue(f.source().url().contains("2104.04473"), f.name());
      assertFalse(f.source().notes().isBlank(), f.name());
    }
    // The GPU counts of the weak-scaling rows of Table 1 of Narayanan et al. 2021.
    assertEquals(new TreeSet<>(List.of(32, 64, 128, 256, 512, 1024, 1536, 1920, 2520, 3072)), gpuCounts);
    assertEquals(10, selene.size());
  }
}
