package io.mlsysim.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a command's output still shows what its document shows. The document's lines are
 * compared with trailing blanks trimmed; a line that is only an ellipsis ("…" or "...", or
 * "… (shortened here)") stands for any number of lines, so a document may show the head of a
 * long output, or its head and tail. Every other documented line must appear, in order, and
 * lines between two ellipses must appear one after another.
 */
final class OutputMatch {
  private OutputMatch() {}

  /** Null when {@code actual} shows {@code documented}; else what is missing, for the failure message. */
  static String mismatch(List<String> documented, List<String> actual) {
    List<List<String>> segments = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : documented) {
      if (isEllipsis(line)) {
        if (!current.isEmpty()) {
          segments.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(rtrim(line));
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    List<String> got = actual.stream().map(OutputMatch::rtrim).toList();
    int from = 0;
    for (List<String> segment : segments) {
      int at = find(segment, got, from);
      if (at < 0) {
        return "the documented lines\n  " + String.join("\n  ", segment) + "\ndo not appear (in order) in the output:\n  "
            + String.join("\n  ", got);
      }
      from = at + segment.size();
    }
    return null;
  }

  private static int find(List<String> segment, List<String> got, int from) {
    for (int start = from; start + segment.size() <= got.size(); start++) {
      if (got.subList(start, start + segment.size()).equals(segment)) {
        return start;
      }
    }
    return -1;
  }

  static boolean isEllipsis(String line) {
    String s = line.strip();
    return s.equals("…") || s.equals("...") || s.startsWith("… (") || s.startsWith("... (");
  }

  private static String rtrim(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
