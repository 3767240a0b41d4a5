package io.mlsysim.cli;

import io.mlsysim.text.NameMatcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim help [COMMAND [SUBCOMMAND…]]}: the usage of any command, however deep
 * ({@code help zoo hardware}, {@code help study run}); picocli's own help command stops at the
 * first word.
 */
@Command(name = "help", helpCommand = true,
    description = "Show the usage of a command: help [COMMAND [SUBCOMMAND]].")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to describe.")
  List<String> path = new ArrayList<>();

  private CommandLine self;
  private PrintWriter out;

  @Override
  public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String word : path) {
      CommandLine next = target.getSubcommands().get(word);
      if (next == null) {
        List<String> known = new ArrayList<>(target.getSubcommands().keySet());
        known.remove("help");
        List<String> near = NameMatcher.suggest(word, known);
        throw new IllegalArgumentException("help: '" + word + "' is not a command of "
            + target.getCommandSpec().qualifiedName() + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
            + (known.isEmpty() ? "" : "; commands: " + String.join(", ", known.stream().sorted().toList())));
      }
      target = next;
    }
    target.usage(out);
    out.flush();
  }
}
