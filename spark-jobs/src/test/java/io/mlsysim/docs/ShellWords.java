package io.mlsysim.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the shell's quoting rules to split a documented command into words the way
 * bash would, and to tell a plain command from one that needs a real shell.
 */
final class ShellWords {
  private ShellWords() {}

  /** True when {@code s} ends inside a single- or double-quoted string. */
  static boolean openQuote(String s) {
    return scan(s, null) == OPEN;
  }

  /** Index of a comment's {@code #} outside quotes (a {@code #} starting a word), or -1. */
  static int commentStart(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          i++;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\') {
        i++;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The words of a command with no shell syntax beyond quoting, or null when it uses pipes,
   * redirections other than a final {@code > file}, substitutions, variables, globs,
   * environment assignments or several commands: those run in bash.
   */
  static List<String> plainWords(String s) {
    List<String> words = new ArrayList<>();
    return scan(s, words) == PLAIN ? words : null;
  }

  private static final int PLAIN = 0;
  private static final int SHELL = 1;
  private static final int OPEN = 2;

  private static int scan(String s, List<String> words) {
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    int result = PLAIN;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
          word.append(s.charAt(++i));
        } else {
          if (c == '$' || c == '`') {
            result = SHELL;
          }
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord && words != null) {
          words.add(word.toString());
        }
        word.setLength(0);
        inWord = false;
      } else {
        if ("|&;<>()$`*?[]{}~".indexOf(c) >= 0) {
          result = SHELL;
        }
        if (c == '=' && words != null && words.isEmpty() && !word.isEmpty() && word.chars().allMatch(
            ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
          result = SHELL; // NAME=value before the command: an environment assignment
        }
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      return OPEN;
    }
    if (inWord && words != null) {
      words.add(word.toString());
    }
    return result;
  }
}
