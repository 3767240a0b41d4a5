package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed study of the corpus in {@code src/test/resources/malformed-studies} is refused
 * by the real command line ({@code mlsysim study run <file> --out <fresh folder>}) the way a
 * person should be told: exit 1, one to four lines on stderr that name the file and say what is
 * wrong (each file's {@code # expect:} line), no stack trace, nothing on stdout, nothing created
 * under {@code --out}. Spark never starts for these: every check runs before it.
 */
class MalformedStudiesTest {
  @TempDir
  Path dir;

  static Path corpus() throws URISyntaxException {
    return Path.of(MalformedStudiesTest.class.getResource("/malformed-studies").toURI());
  }

  static Stream<Path> studies() throws Exception {
    try (Stream<Path> s = Files.list(corpus())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusCoversEveryClassOfMistakeWithAtLeastFortyStudies() throws Exception {
    List<Path> all = studies().toList();
    assertTrue(all.size() >= 40, all.size() + " malformed studies");
    String expectations = String.join("\n", all.stream().map(MalformedStudiesTest::expected).toList());
    for (String cls : List.of("must be in (0, 1]", "must be in [0, 3]", "must be positive", "not a finite number",
        "compares", "a second YAML document", "--max-candidates", "YAML syntax", "tab character", "not UTF-8")) {
      assertTrue(expectations.contains(cls), "the corpus has a study refused with '" + cls + "'");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("studies")
  void isRefusedWithOneClearMessage(Path study) throws Exception {
    assertRefused(study, expected(study));
  }

  /** A 50 MB file is refused by its size, before a byte of it is parsed. */
  @Test
  void aFiftyMegabyteStudyIsRefusedByItsSize() throws Exception {
    Path big = dir.resolve("huge-study.yaml");
    byte[] line = "  - tp <= gpus_per_node\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("name: huge\npipeline: [flaky]\nconditions:\n".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 50L << 20; written += line.length) {
        out.write(line);
      }
    }
    assertTrue(Files.size(big) > 50L << 20);
    assertRefused(big, "a study file may be at most " + String.format("%,d", 1 << 20) + " bytes");
  }

  /** The `# expect:` line of a corpus file: what its refusal must say. */
  static String expected(Path study) {
    try {
      for (String l : Files.readAllLines(study, StandardCharsets.ISO_8859_1)) {
        if (l.startsWith("# expect: ")) {
          return l.substring("# expect: ".length());
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError(study + " has no '# expect:' line");
  }

  private void assertRefused(Path study, String expect) {
    Path out = dir.resolve("out-" + study.getFileName());
    CliRun r = CliRun.of("study", "run", study.toString(), "--out", out.toString(), "--master", "local[1]");
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out(), "nothing on stdout");
    long lines = r.err().strip().lines().count();
    assertTrue(lines >= 1 && lines <= 4, lines + " lines on stderr: " + r.err());
    assertTrue(r.err().contains(study.getFileName().toString()), "names the file: " + r.err());
    assertTrue(r.err().contains(expect), "says '" + expect + "': " + r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("at io."),
        "no stack trace: " + r.err());
    assertFalse(Files.exists(out), "nothing created under --out");
  }
}
