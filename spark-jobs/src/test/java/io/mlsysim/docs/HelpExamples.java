package io.mlsysim.docs;

import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;

/**
 * The example command lines in the --help of every command and subcommand, the Spark commands
 * included: a footer line "Example: mlsysim …", or an indented "mlsysim …" line after "Examples:".
 */
final class HelpExamples {
  private HelpExamples() {}

  static List<DocumentedCommand> all() {
    // the tree the command line itself builds, plugged-in commands included
    CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<DocumentedCommand> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(CommandLine cmd, List<DocumentedCommand> out) {
    String where = "help of '" + cmd.getCommandSpec().qualifiedName() + "'";
    boolean inExamples = false;
    // the usage's own strings, not the rendered help: rendering wraps a long example mid-command
    picocli.CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    List<String> lines = new ArrayList<>();
    for (String[] part : List.of(usage.header(), usage.description(), usage.footer())) {
      for (String s : part) {
        lines.addAll(s.lines().toList());
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      String example = null;
      if (l.startsWith("Example: mlsysim ")) {
        example = l.substring("Example: ".length());
      } else if (l.equals("Examples:")) {
        inExamples = true;
      } else if (inExamples && l.startsWith("mlsysim ")) {
        example = l;
      } else if (!l.isEmpty()) {
        inExamples = false;
      }
      if (example != null) {
        out.add(new DocumentedCommand(where, i + 1, example, 0, List.of()));
      }
    }
    // an alias is a second key for the same command: visit each command once
    for (CommandLine sub : new LinkedHashSet<>(cmd.getSubcommands().values())) {
      collect(sub, out);
    }
  }
}
