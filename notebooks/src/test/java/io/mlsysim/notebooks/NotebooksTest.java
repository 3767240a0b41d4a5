package io.mlsysim.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in notebooks/ headless on the project's Java kernel, against the jars
 * this build made, and fails on any cell error. Then checks what a reader would see: every code
 * cell ran, no output is an error, and the notebooks that draw show the pictures they promise.
 */
class NotebooksTest {
  static final Path DIR = Path.of(System.getProperty("user.dir"));
  static final Path OUT = DIR.resolve("target/executed-notebooks");
  /** Pictures (image/png outputs) each notebook must show. */
  static final Map<String, Integer> PICTURES = Map.of("01-zoo-and-rooflines.ipynb", 2, "02-serving-an-llm.ipynb", 1,
      "03-distributed-training-and-the-scorecard.ipynb", 1, "04-a-design-space-study.ipynb", 1,
      "05-your-own-model.ipynb", 1);

  @Test
  void theFiveStoriesAreAllThere() throws Exception {
    List<String> names = Jupyter.notebooks(DIR).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(PICTURES.keySet().stream().sorted().toList(), names);
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsWithoutACellError() throws Exception {
    return Jupyter.notebooks(DIR).stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
      Jupyter.Executed run = Jupyter.execute(nb, OUT);
      assertEquals(0, run.code(), () -> "nbconvert failed on " + nb.getFileName() + ":\n" + tail(run.log()));
      JsonNode doc = new ObjectMapper().readTree(run.notebook().toFile());
      List<String> problems = new ArrayList<>();
      int code = 0;
      int images = 0;
      for (JsonNode cell : doc.path("cells")) {
        if (!cell.path("cell_type").asText().equals("code")) {
          continue;
        }
        code++;
        if (cell.path("execution_count").isNull()) {
          problems.add("cell " + code + " did not run");
        }
        for (JsonNode out : cell.path("outputs")) {
          if (out.path("output_type").asText().equals("error")) {
            problems.add("cell " + code + ": " + out.path("ename").asText() + ": " + out.path("evalue").asText());
          }
          if (out.path("name").asText().equals("stderr") && out.path("text").toString().contains("Exception")) {
            problems.add("cell " + code + " printed an exception: " + out.path("text"));
          }
          if (out.path("data").has("image/png")) {
            images++;
          }
        }
      }
      assertEquals(List.of(), problems, nb.getFileName().toString());
      assertTrue(code >= 3, "a notebook tells its story in code too");
      assertEquals(PICTURES.get(nb.getFileName().toString()), images, "pictures shown by " + nb.getFileName());
    }));
  }

  static String tail(String log) {
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }
}
