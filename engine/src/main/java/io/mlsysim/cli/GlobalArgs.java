package io.mlsysim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one reading of global options on a command line ({@code -o/--output}, {@code --plugins},
 * {@code --registry}): which words are global options, which word is the command, and the line
 * with the global options moved to its end, where the leaf command (which declares them) reads
 * them. The {@code ./mlsysim} launcher routes by the same rule; {@code LauncherTest} checks that
 * its list of value-taking options is {@link #WITH_VALUE}.
 */
public final class GlobalArgs {
  /** Global options followed by a value ({@code --registry X}, also written {@code --registry=X}). */
  public static final List<String> WITH_VALUE = List.of("-o", GlobalOptions.OUTPUT, GlobalOptions.PLUGINS,
      GlobalOptions.REGISTRY);

  /** Commands that need Spark on the classpath; the launcher starts them on the spark-jobs module. */
  public static final Set<String> SPARK_COMMANDS = Set.of("study", "query", "mcp");

  private GlobalArgs() {}

  /** True for a word that is a global option with its value attached ({@code --registry=X}). */
  static boolean isAttached(String word) {
    for (String o : WITH_VALUE) {
      if (word.startsWith(o + "=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The command a line runs: the first word that is neither an option nor a global option's
   * value; for {@code help X}, X. Empty when there is none.
   */
  public static String command(String[] args) {
    boolean afterHelp = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      if (WITH_VALUE.contains(a)) {
        i++; // its value is not the command
      } else if (!a.startsWith("-")) {
        if (a.equals("help") && !afterHelp) {
          afterHelp = true;
          continue;
        }
        return a;
      }
    }
    return afterHelp ? "help" : "";
  }

  /** The line with every global option (and its value) moved to the end, before a {@code --} if any. */
  public static String[] moveLast(String[] args) {
    List<String> rest = new ArrayList<>();
    List<String> globals = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        for (int j = i; j < args.length; j++) {
          rest.add(args[j]);
        }
        break;
      }
      if (WITH_VALUE.contains(a) && i + 1 < args.length) {
        globals.add(a);
        globals.add(args[++i]);
      } else if (isAttached(a)) {
        globals.add(a);
      } else {
        rest.add(a);
      }
    }
    int dashDash = rest.indexOf("--");
    if (dashDash >= 0) {
      rest.addAll(dashDash, globals);
    } else {
      rest.addAll(globals);
    }
    return rest.toArray(new String[0]);
  }
}
