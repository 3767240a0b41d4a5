package io.mlsysim.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {
  @Test
  void aSlipInTheFirstCharacterCostsMore() {
    List<String> s = NameMatcher.suggest("H10", List.of("A100", "H100", "H200", "V100", "T4"));
    assertEquals(List.of("H100", "H200"), s);
  }

  @Test
  void theShortestCompletionOfAPrefixComesFirst() {
    List<String> s = NameMatcher.suggest("latency", List.of("latency_compute_s", "latency_memory_s",
        "latency_overhead_s", "latency_s", "throughput_per_s"));
    assertEquals("latency_s", s.get(0), s.toString());
    assertEquals(3, s.size());
  }

  @Test
  void caseAndDashesDoNotMatterAndFarNamesAreNotSuggested() {
    assertEquals(List.of("Llama3_8B"), NameMatcher.suggest("llama3-8b", List.of("Llama3_8B", "GPT3")));
    assertTrue(NameMatcher.suggest("ResNet50", List.of("Llama3_8B", "GPT3")).isEmpty());
  }
}
