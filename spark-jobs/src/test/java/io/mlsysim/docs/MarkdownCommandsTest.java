package io.mlsysim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documentation test's reading of Markdown, shell words and shown output, on hand-made documents. */
class MarkdownCommandsTest {

  @Test
  void bashBlocksGiveOneCommandPerLineWithContinuationsJoinedAndCommentsDropped() {
    List<String> doc = List.of(
        "Intro.",
        "```bash",
        "# a comment line",
        "./mlsysim schema plan > plan.json   # the reader's types (an apostrophe in prose)",
        "./mlsysim train X Y --batch 1024   # exit 2: does not split",
        "./mlsysim run M --set a=1 \\",
        "    --set b=2",
        "./mlsysim query \"SELECT a",
        "                 FROM t\"",
        "```",
        "```yaml",
        "not: a command",
        "```");
    List<DocumentedCommand> cs = MarkdownCommands.of("d.md", doc);
    assertEquals(4, cs.size(), cs.toString());
    assertEquals(new DocumentedCommand("d.md", 4, "./mlsysim schema plan > plan.json", 0, List.of()), cs.get(0));
    assertEquals(2, cs.get(1).expectedExit());
    assertEquals("./mlsysim run M --set a=1 --set b=2", cs.get(2).text());
    assertEquals(6, cs.get(2).line());
    assertEquals("./mlsysim query \"SELECT a\n                 FROM t\"", cs.get(3).text());
  }

  @Test
  void promptedLinesCarryTheirShownOutputAndTheExitCodeItImplies() {
    List<String> doc = List.of(
        "```text",
        "$ ./mlsysim zoo hardwre",
        "error: unknown command 'hardwre'",
        "$ ./mlsysim train A B --batch 1",
        "infeasible: batch 1 does not split",
        "$ ./mlsysim study run bad.yaml",
        "error: bad.yaml:11: zero_stage",
        "$ echo $?",
        "1",
        "$ ./mlsysim zoo grids",
        "name  pue",
        "…",
        "```");
    List<DocumentedCommand> cs = MarkdownCommands.of("d.md", doc);
    assertEquals(4, cs.size(), cs.toString());
    assertEquals(1, cs.get(0).expectedExit());
    assertEquals(List.of("error: unknown command 'hardwre'"), cs.get(0).expectedOutput());
    assertEquals(2, cs.get(1).expectedExit());
    assertEquals("./mlsysim study run bad.yaml", cs.get(2).text());
    assertEquals(1, cs.get(2).expectedExit(), "echo $? became the previous command's promise");
    assertEquals(0, cs.get(3).expectedExit());
    assertEquals(List.of("name  pue", "…"), cs.get(3).expectedOutput());
  }

  @Test
  void plainCommandsSplitLikeBashAndShellSyntaxIsLeftToBash() {
    assertEquals(List.of("./mlsysim", "run", "S", "--set", "t=5 ms", "--name", "H*"),
        ShellWords.plainWords("./mlsysim run S --set t='5 ms' --name \"H*\""));
    assertNull(ShellWords.plainWords("printf x | ./mlsysim mcp"));
    assertNull(ShellWords.plainWords("source <(./mlsysim completion)"));
    assertNull(ShellWords.plainWords("MLSYSIM_REGISTRY=x ./mlsysim zoo hardware"));
    assertNull(ShellWords.plainWords("./mlsysim zoo hardware|workloads [--tier T]"));
    assertNull(ShellWords.plainWords("./mlsysim query \"SELECT $HOME\""));
    assertEquals(-1, ShellWords.commentStart("./mlsysim query \"SELECT a # not a comment\""));
    assertEquals(10, ShellWords.commentStart("./mlsysim # yes"));
  }

  @Test
  void shownOutputMatchesInOrderWithEllipsesStandingForAnyLines() {
    List<String> actual = List.of("warning: x", "head 1", "head 2", "middle", "tail   ");
    assertNull(OutputMatch.mismatch(List.of("head 1", "head 2", "…", "tail"), actual));
    assertNull(OutputMatch.mismatch(List.of("head 2", "... (shortened here)"), actual));
    assertNotNull(OutputMatch.mismatch(List.of("head 1", "middle"), actual), "not one after another");
    assertNotNull(OutputMatch.mismatch(List.of("tail", "…", "head 1"), actual), "out of order");
    assertNotNull(OutputMatch.mismatch(List.of("head 3"), actual));
    assertNull(OutputMatch.mismatch(List.of("warning: …", "head 1"), actual), "a line's start");
    assertNotNull(OutputMatch.mismatch(List.of("warning: y…"), actual));
  }
}
