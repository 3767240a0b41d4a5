package io.mlsysim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/extending.md honest: every ```java block must be preceded by a
 * {@code <!-- snippet: path#region -->} marker and equal that region of a source file under
 * engine/src/test, which the build compiles and the tests run.
 */
class DocsSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- snippet: ([^#\\s]+)#([a-z-]+) -->\\n)?```java\\n(.*?)\\n```", Pattern.DOTALL);

  static Path projectRoot() throws Exception {
    Path testClasses = Path.of(DocsSnippetsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return testClasses.getParent().getParent().getParent(); // engine/target/test-classes → root
  }

  @Test
  void everyJavaBlockInTheExtensionGuideIsACompiledRegion() throws Exception {
    Path root = projectRoot();
    String doc = Files.readString(root.resolve("docs/extending.md"));
    Matcher m = BLOCK.matcher(doc);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      if (m.group(1) == null) {
        fail("a ```java block in docs/extending.md has no <!-- snippet: path#region --> marker:\n" + m.group(3));
      }
      String region = region(root.resolve("engine/src/test").resolve(m.group(1)), m.group(2));
      assertEquals(region, m.group(3), "docs/extending.md drifted from " + m.group(1) + "#" + m.group(2)
          + "; copy the region into the guide");
    }
    assertTrue(blocks >= 8, "expected the guide's snippets, found " + blocks);
  }

  /** Lines between "// region:name" and "// endregion", with common indentation removed. */
  static String region(Path file, String name) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    boolean found = false;
    for (String line : Files.readAllLines(file)) {
      String t = line.trim();
      if (t.equals("// region:" + name)) {
        inside = true;
        found = true;
      } else if (inside && t.equals("// endregion")) {
        break;
      } else if (inside) {
        lines.add(line);
      }
    }
    assertTrue(found, file + " has no region '" + name + "'");
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", out);
  }
}
