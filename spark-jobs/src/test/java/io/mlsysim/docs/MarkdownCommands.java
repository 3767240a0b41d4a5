package io.mlsysim.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of a Markdown document. Two shapes count as commands:
 * <ul>
 *   <li>every line of a {@code bash}/{@code sh}/{@code shell} fenced block that is not blank or a
 *       comment (a trailing backslash or an open quote continues it on the next line);</li>
 *   <li>every {@code $ }-prompted line of a {@code text}, {@code console} or unlabelled block; the lines up to
 *       the next prompt are the output the document promises.</li>
 * </ul>
 * A trailing comment that starts with {@code exit N} ({@code # exit 2: does not fit}) is the exit
 * code the document promises; any other trailing comment is prose. A prompted command whose
 * shown output starts with {@code error:} promises exit 1, with {@code infeasible:} exit 2.
 */
final class MarkdownCommands {
  private MarkdownCommands() {}

  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
  private static final Pattern EXIT = Pattern.compile("^#\\s*exit (\\d+)\\b");

  static List<DocumentedCommand> of(String file, List<String> lines) {
    List<DocumentedCommand> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        i++;
        continue;
      }
      String lang = fence.group(1);
      int end = i + 1;
      while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
        end++;
      }
      List<String> body = lines.subList(i + 1, end);
      if (lang.equals("bash") || lang.equals("sh") || lang.equals("shell")) {
        shellBlock(file, i + 2, body, out);
      } else if (lang.equals("text") || lang.equals("console") || lang.isEmpty()) {
        promptBlock(file, i + 2, body, out);
      }
      i = end + 1;
    }
    return out;
  }

  private static void shellBlock(String file, int firstLine, List<String> body, List<DocumentedCommand> out) {
    int j = 0;
    while (j < body.size()) {
      String line = body.get(j);
      if (line.isBlank() || line.strip().startsWith("#")) {
        j++;
        continue;
      }
      int start = j;
      StringBuilder text = new StringBuilder(line);
      while (continues(text) && j + 1 < body.size()) {
        j++;
        if (text.toString().endsWith("\\")) {
          text.setLength(text.length() - 1);
          while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
          }
          text.append(' ').append(body.get(j).strip());
        } else {
          text.append('\n').append(body.get(j));
        }
      }
      out.add(command(file, firstLine + start, text.toString(), List.of()));
      j++;
    }
  }

  private static void promptBlock(String file, int firstLine, List<String> body, List<DocumentedCommand> out) {
    int j = 0;
    while (j < body.size()) {
      if (!body.get(j).startsWith("$ ")) {
        j++;
        continue;
      }
      int start = j;
      String text = body.get(j).substring(2);
      List<String> output = new ArrayList<>();
      j++;
      while (j < body.size() && !body.get(j).startsWith("$ ")) {
        output.add(body.get(j));
        j++;
      }
      while (!output.isEmpty() && output.get(output.size() - 1).isBlank()) {
        output.remove(output.size() - 1);
      }
      if (text.strip().equals("echo $?") && !output.isEmpty() && !out.isEmpty()) {
        // the document shows the previous command's exit code: make it that command's promise
        DocumentedCommand previous = out.remove(out.size() - 1);
        out.add(new DocumentedCommand(previous.file(), previous.line(), previous.text(),
            Integer.parseInt(output.get(0).strip()), previous.expectedOutput()));
        continue;
      }
      DocumentedCommand c = command(file, firstLine + start, text, output);
      out.add(c.expectedExit() != 0 || output.isEmpty() ? c : new DocumentedCommand(c.file(), c.line(), c.text(),
          exitShownBy(output.get(0)), c.expectedOutput()));
    }
  }

  /**
   * The exit code a shown output implies, by the CLI's documented contract (docs/cli.md): an
   * {@code error:} line is exit 1, an {@code infeasible:} line exit 2, anything else success.
   */
  private static int exitShownBy(String firstLine) {
    return firstLine.startsWith("error:") ? 1 : firstLine.startsWith("infeasible:") ? 2 : 0;
  }

  /** A backslash at the end, or a quote still open, continues the command on the next line. */
  private static boolean continues(CharSequence text) {
    String s = text.toString();
    int hash = ShellWords.commentStart(s);
    if (hash >= 0) {
      return false; // a comment ends the line, whatever quotes its prose holds
    }
    return s.endsWith("\\") || ShellWords.openQuote(s);
  }

  private static DocumentedCommand command(String file, int line, String raw, List<String> output) {
    int hash = ShellWords.commentStart(raw);
    String text = (hash < 0 ? raw : raw.substring(0, hash)).strip();
    int exit = 0;
    if (hash >= 0) {
      Matcher m = EXIT.matcher(raw.substring(hash).strip());
      if (m.find()) {
        exit = Integer.parseInt(m.group(1));
      }
    }
    return new DocumentedCommand(file, line, text, exit, List.copyOf(output));
  }
}
