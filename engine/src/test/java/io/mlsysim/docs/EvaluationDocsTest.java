package io.mlsysim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlsysim.evaluation.Engine;
import io.mlsysim.optimizers.SearchResult;
import io.mlsysim.solvers.SensitivitySolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/evaluation.md's Java blocks are regions of EvaluationExamples, which this test runs. */
class EvaluationDocsTest {
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- snippet: ([^#\\s]+)#([a-z-]+) -->\\n)?```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void everyJavaBlockIsACompiledRegion() throws Exception {
    Path root = DocsSnippetsTest.projectRoot();
    String doc = Files.readString(root.resolve("docs/evaluation.md"));
    Matcher m = BLOCK.matcher(doc);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      if (m.group(1) == null) {
        fail("a ```java block in docs/evaluation.md has no snippet marker:\n" + m.group(3));
      }
      String region = DocsSnippetsTest.region(root.resolve("engine/src/test").resolve(m.group(1)), m.group(2));
      assertEquals(region, m.group(3), "docs/evaluation.md drifted from " + m.group(1) + "#" + m.group(2));
    }
    assertEquals(7, blocks);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSnippetsRunAndSayWhatThePageSays() {
    List<Object> out = EvaluationExamples.all();
    SearchResult plan = (SearchResult) out.get(0);
    assertEquals(Map.of("tp", 8, "pp", 16, "dp", 64), plan.bestConfig());
    assertEquals(56, plan.totalSearched());
    assertEquals("memory_bandwidth", ((SensitivitySolver.SensitivityResult) out.get(3)).bindingConstraint());
    List<Engine.SweepRow> rows = (List<Engine.SweepRow>) out.get(4);
    assertEquals(12, rows.size());
    assertTrue(rows.stream().anyMatch(r -> !r.feasible()), "Llama3_70B fp16 does not fit one GPU: kept, flagged");
    assertTrue(rows.stream().anyMatch(Engine.SweepRow::feasible));
    Map<String, Object> row = (Map<String, Object>) out.get(5);
    assertEquals("Quebec", row.get("m_region"));
  }
}
