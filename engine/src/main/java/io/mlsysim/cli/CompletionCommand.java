package io.mlsysim.cli;

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
    spec.commandLine().getOut().print(AutoComplete.bash("mlsysim", root));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
