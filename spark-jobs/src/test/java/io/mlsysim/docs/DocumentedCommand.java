package io.mlsysim.docs;

import java.util.List;

/**
 * One shell command as a document shows it.
 *
 * @param file the document, relative to the project root
 * @param line the line the command starts on (1-based)
 * @param text the command without its trailing comment, continuation lines joined
 * @param expectedExit the exit code the document promises (0 unless a comment says "exit N")
 * @param expectedOutput lines the document shows as the command's output (empty: none shown)
 */
record DocumentedCommand(String file, int line, String text, int expectedExit, List<String> expectedOutput) {

  /** Where the command is documented, for messages: {@code docs/cli.md:42}. */
  String where() {
    return file + ":" + line;
  }
}
