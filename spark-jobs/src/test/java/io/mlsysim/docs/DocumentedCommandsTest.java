package io.mlsysim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every shell command the documentation shows — README.md, docs/*.md, configs/**&#47;README.md and
 * the examples in every command's --help — runs as documented: it exits with the code the
 * document promises (0 unless it says "exit N"), and where the document shows output, the output
 * still shows it ({@link OutputMatch}). The commands run in document order in one working
 * directory laid out like a checkout (the project's docs and configs copied, its modules linked),
 * so a later command sees what an earlier one wrote, as a reader following along would.
 *
 * <p>Commands that need a cluster, a scheduler's filesystem or a long benchmark run in the reduced
 * form {@link Reductions} lists, each with its reason; a reduction that no document uses any more
 * fails the last test, so the list stays exactly as long as it must be.
 *
 * <p>Runs in its own surefire execution whose working directory is
 * {@code target/documented-commands}: relative paths in the documents resolve there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedCommandsTest {
  static final Path PROJECT = Path.of(System.getProperty("mlsysim.project", "..")).toAbsolutePath().normalize();
  static final Path WORKDIR = Path.of("").toAbsolutePath();
  private static CommandRunner runner;
  private static Reductions reductions;

  @BeforeAll
  static void layOutACheckout() throws IOException {
    assertEquals("documented-commands", WORKDIR.getFileName().toString(),
        "run through the surefire execution 'documented-commands' (its working directory is target/documented-commands)");
    try (Stream<Path> old = Files.list(WORKDIR)) {
      for (Path p : old.toList()) {
        deleteTree(p);
      }
    }
    // copied: documented commands may write into docs/ (pictures) and must not touch the checkout
    for (String copied : List.of("README.md", "docs", "configs")) {
      copyTree(PROJECT.resolve(copied), WORKDIR.resolve(copied));
    }
    for (String linked : List.of("mlsysim", "engine", "spark-jobs", "notebooks", "pom.xml")) {
      Files.createSymbolicLink(WORKDIR.resolve(linked), PROJECT.resolve(linked));
    }
    runner = new CommandRunner(WORKDIR);
    reductions = new Reductions(runner);
  }

  /** The documents, in the order a reader meets them: README first, then docs/, then configs/. */
  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(PROJECT.resolve("README.md"));
    try (Stream<Path> s = Files.list(PROJECT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    try (Stream<Path> s = Files.walk(PROJECT.resolve("configs"))) {
      s.filter(p -> p.getFileName().toString().equals("README.md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  static List<DocumentedCommand> documentedCommands() throws IOException {
    List<DocumentedCommand> all = new ArrayList<>();
    for (Path doc : documents()) {
      all.addAll(MarkdownCommands.of(PROJECT.relativize(doc).toString(), Files.readAllLines(doc)));
    }
    return all;
  }

  @Test
  @Order(1)
  void theDocumentsShowCommandsAtAll() throws IOException {
    List<DocumentedCommand> all = documentedCommands();
    // guards the extractor: if it stopped finding commands, every other test would pass vacuously
    assertTrue(all.size() >= 60, "only " + all.size() + " documented commands found");
    assertTrue(all.stream().anyMatch(c -> c.file().equals("README.md")
        && c.text().equals("./mlsysim study run configs/studies/quickstart.yaml")), "README's first command");
    assertTrue(all.stream().anyMatch(c -> c.expectedExit() != 0), "a documented refusal");
    assertTrue(all.stream().anyMatch(c -> !c.expectedOutput().isEmpty()), "a documented output");
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> everyDocumentedCommandRunsAsDocumented() throws IOException {
    return documentedCommands().stream().map(c -> dynamicTest(c.where() + "  " + c.text(), () -> check(c)));
  }

  @TestFactory
  @Order(3)
  Stream<DynamicTest> everyHelpExampleRuns() {
    List<DocumentedCommand> examples = HelpExamples.all();
    assertFalse(examples.isEmpty(), "no --help shows an example");
    return examples.stream().map(c -> dynamicTest(c.where() + "  " + c.text(), () -> check(c)));
  }

  @Test
  @Order(4)
  void everyReductionIsStillNeeded() {
    assertEquals(List.of(), reductions.unused(),
        "reductions no documented command uses any more: remove them from Reductions");
  }

  private static void check(DocumentedCommand c) throws Exception {
    Reductions.Reduced r = reductions.apply(c);
    if (r.check() != null) {
      r.check().run();
      return;
    }
    long t0 = System.nanoTime();
    CommandRunner.Outcome o = runner.run(r.command());
    // one line per command in the build log: which documented command took how long
    System.out.printf(java.util.Locale.ROOT, "documented command %s: exit %d in %.1f s%n", c.where(), o.exit(),
        (System.nanoTime() - t0) / 1e9);
    String shown = "\n$ " + r.command() + "\n" + o.stdout() + o.stderr();
    assertEquals(c.expectedExit(), o.exit(), c.where() + ": exit code" + shown);
    if (!c.expectedOutput().isEmpty()) {
      assertNull(OutputMatch.mismatch(c.expectedOutput(), o.lines()), c.where() + ": documented output");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
      Files.delete(p);
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(q -> {
        try {
          Files.delete(q);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
