package io.mlsysim.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlsysim completion}: a bash/zsh completion script; {@code source <(./mlsysim completion)}. */
@Command(name = "completion", description = "Print a bash/zsh completion script: source <(mlsysim completion)")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    spec.commandLine().getOut().print(forEveryName(AutoComplete.bash("mlsysim", root)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /**
   * picocli registers the script for {@code mlsysim} only. Bash looks a completion up by the word
   * as typed, so {@code ./mlsysim} (how the docs run it) and the launcher's absolute path (which
   * the launcher passes as {@code -Dmlsysim.launcher}) are registered too.
   */
  static String forEveryName(String script) {
    Set<String> names = new LinkedHashSet<>(List.of("mlsysim", "./mlsysim"));
    String launcher = System.getProperty("mlsysim.launcher");
    if (launcher != null && !launcher.isBlank()) {
      names.add(launcher);
    }
    StringBuilder quoted = new StringBuilder();
    for (String n : names) {
      quoted.append(' ').append("'").append(n.replace("'", "'\\''")).append("'");
    }
    String line = "complete -F _complete_mlsysim -o default";
    int at = script.lastIndexOf(line);
    if (at < 0) { // picocli changed its script: fail loudly rather than print a script that registers nothing
      throw new IllegalStateException("completion: picocli's script has no '" + line + "' line");
    }
    int end = script.indexOf('\n', at);
    return script.substring(0, at) + line + quoted + (end < 0 ? "\n" : script.substring(end));
  }
}
