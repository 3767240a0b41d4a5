package io.mlsysim.spark;

import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Engine version and git commit, recorded with every run. */
final class BuildInfo {
  private static volatile String commit;

  private BuildInfo() {}

  static String version() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/io/mlsysim/spark/build.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** MLSYSIM_GIT_COMMIT if set, else the commit of the working directory's repository, else "unknown". */
  static String gitCommit() {
    if (commit == null) {
      String env = System.getenv("MLSYSIM_GIT_COMMIT");
      commit = env != null && !env.isBlank() ? env.trim() : askGit();
    }
    return commit;
  }

  private static String askGit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      String status = dirty();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out + status : "unknown";
    } catch (java.io.IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private static String dirty() {
    try {
      Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return p.getInputStream().readAllBytes().length > 0 ? "-dirty" : "";
    } catch (java.io.IOException | InterruptedException e) {
      return "";
    }
  }
}
