package io.mlsysim.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a command's output still shows what its document shows. The document's lines are
 * compared with trailing blanks trimmed; a line that is only an ellipsis ("…" or "...", or
 * "… (shortened here)") stands for any number of lines, so a document may show the head of a
 * long output, or its head and tail. Every other documented line must appear, in order, and
 * lines between two ellipses must appear one after another. A line that ends in "…" shows the
 * start of a longer line.
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
      boolean all = true;
      for (int k = 0; k < segment.size() && all; k++) {
        all = shows(segment.get(k), got.get(start + k));
      }
      if (all) {
        return start;
      }
    }
    return -1;
  }

  /** A documented line shows an output line when equal, or when it ends in "…" and is the line's start. */
  private static boolean shows(String documented, String line) {
    if (documented.endsWith("…") && documented.length() > 1) {
      return line.startsWith(documented.substring(0, documented.length() - 1));
    }
    return documented.equals(line);
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
