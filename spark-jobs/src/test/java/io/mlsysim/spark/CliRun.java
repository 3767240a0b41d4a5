package io.mlsysim.spark;

import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in process through {@link Cli#run}: its exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
