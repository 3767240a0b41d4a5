package io.mlsysim.docs;

import io.mlsysim.cli.Cli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a documented command in a working directory laid out like a checkout. A plain
 * {@code ./mlsysim …} line (quoting only, at most a final {@code > file}) runs in this JVM through
 * {@link Cli#run}, the launcher's entry point, so Spark starts once for all of them; anything
 * that needs a shell (pipes, variables, substitutions, environment assignments) runs in bash
 * with the real launcher.
 */
final class CommandRunner {
  /** What a command did. */
  record Outcome(int exit, String stdout, String stderr) {
    List<String> lines() {
      return (stdout + stderr).lines().toList();
    }
  }

  private static final Pattern FINAL_REDIRECT = Pattern.compile("^(.*\\S)\\s+>\\s*([\\w./-]+)$", Pattern.DOTALL);
  private static final long TIMEOUT_SECONDS = 900;

  private final Path workdir;

  CommandRunner(Path workdir) {
    this.workdir = workdir;
  }

  Outcome run(String text) throws IOException, InterruptedException {
    Matcher redirect = FINAL_REDIRECT.matcher(text);
    String command = redirect.matches() ? redirect.group(1) : text;
    List<String> words = ShellWords.plainWords(command);
    if (words != null && !words.isEmpty() && (words.get(0).equals("./mlsysim") || words.get(0).equals("mlsysim"))) {
      Outcome o = inProcess(words.subList(1, words.size()).toArray(new String[0]));
      if (redirect.matches()) {
        Files.writeString(workdir.resolve(redirect.group(2)), o.stdout(), StandardCharsets.UTF_8);
        return new Outcome(o.exit(), "", o.stderr());
      }
      return o;
    }
    return inBash(text);
  }

  private static Outcome inProcess(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  private Outcome inBash(String text) throws IOException, InterruptedException {
    File out = File.createTempFile("doc-command", ".out");
    File err = File.createTempFile("doc-command", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", "-c", text).directory(workdir.toFile())
          .redirectInput(new File("/dev/null")).redirectOutput(out).redirectError(err);
      // the tests run on what the build just compiled; the launcher must not start a nested build
      pb.environment().put("MLSYSIM_SKIP_BUILD", "1");
      pb.environment().put("PATH", workdir + File.pathSeparator + pb.environment().get("PATH"));
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return new Outcome(-1, "", "still running after " + TIMEOUT_SECONDS + " s: killed");
      }
      return new Outcome(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    } finally {
      out.delete();
      err.delete();
    }
  }
}
