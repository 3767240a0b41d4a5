package io.mlsysim.mcp;

import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs an {@code mlsysim} command inside the server and keeps what it printed. Tools that
 * mirror a command (zoo listings, eval, explain, schema) go through the command itself, so an
 * agent gets exactly the numbers and messages a person gets from the same command line.
 */
final class InProcessCli {
  private InProcessCli() {}

  /** What one command did: its exit code, its stdout and its stderr. */
  record Outcome(int code, String out, String err) {
    boolean ok() {
      return code == 0;
    }

    /** The command's own diagnostics, without the "error: " prefix the terminal shows. */
    String message() {
      String m = err.strip();
      return m.startsWith("error: ") ? m.substring("error: ".length()) : m;
    }
  }

  static Outcome run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }
}
