package io.mlsysim.notebooks;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter, run as a subprocess: {@code jupyter nbconvert --execute} drives a real kernel
 * through every cell. Missing tools fail with the packages to install (CI installs them in
 * .ci/run, so a skip would only hide a broken machine).
 */
final class Jupyter {
  static final String PACKAGES = "apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-notebook";

  private Jupyter() {}

  static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, "jupyter");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return fail("the notebook tests need Jupyter's nbconvert on PATH; install Debian's packages: " + PACKAGES);
  }

  /** The kernel spec this build wrote (target/jupyter/kernels/mlsysim-java/kernel.json). */
  static Path jupyterPath() {
    Path p = Path.of(System.getProperty("mlsysim.jupyterPath", "target/jupyter"));
    if (!Files.isRegularFile(p.resolve("kernels/mlsysim-java/kernel.json"))) {
      fail("no kernel spec under " + p + "; build the module first (mvn -pl notebooks -am package -DskipTests)");
    }
    return p;
  }

  /** Result of one execution: nbconvert's exit code, its log, and the executed notebook. */
  record Executed(int code, String log, Path notebook) {}

  /**
   * Executes a notebook headless into {@code outDir}; cell errors make nbconvert exit non-zero.
   * The kernel (3.0.1) has a start-up race: a request that reaches it before its handlers are
   * registered kills its shell thread (the log shows a NullPointerException in
   * Channels.getHandler), and nbclient then reports that the kernel died or did not answer
   * within a minute. Such a start, which ran no cell yet, is tried again, up to five times in
   * all (it failed about one start in five on a loaded machine); a cell error is never retried.
   */
  static Executed execute(Path notebook, Path outDir) throws Exception {
    Executed run = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      run = executeOnce(notebook, outDir, attempt);
      if (run.code() == 0 || !kernelNeverStarted(run.log())) {
        break;
      }
    }
    return run;
  }

  /** nbclient's two ways of saying the kernel never answered its first request. */
  static boolean kernelNeverStarted(String log) {
    return log.contains("Kernel didn't respond in") || log.contains("Kernel died before replying to kernel_info");
  }

  private static Executed executeOnce(Path notebook, Path outDir, int attempt) throws Exception {
    Files.createDirectories(outDir);
    Path log = outDir.resolve(notebook.getFileName() + "." + attempt + ".log");
    ProcessBuilder pb = new ProcessBuilder(executable(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=60",
        "--ExecutePreprocessor.kernel_name=mlsysim-java",
        "--output-dir", outDir.toString(), notebook.toString())
        .directory(notebook.getParent().toFile()) // cells see paths relative to the notebook, as in Jupyter
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JUPYTER_PATH", jupyterPath().toAbsolutePath().toString());
    // Kernel connection files and Jupyter's own state go under target/, not the user's home.
    pb.environment().put("JUPYTER_RUNTIME_DIR", outDir.resolve("runtime").toAbsolutePath().toString());
    pb.environment().put("JUPYTER_DATA_DIR", outDir.resolve("data").toAbsolutePath().toString());
    pb.environment().put("JUPYTER_CONFIG_DIR", outDir.resolve("config").toAbsolutePath().toString());
    pb.environment().put("IPYTHONDIR", outDir.resolve("ipython").toAbsolutePath().toString());
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("nbconvert did not finish " + notebook.getFileName() + " in 15 minutes");
    }
    return new Executed(p.exitValue(), Files.readString(log), outDir.resolve(notebook.getFileName()));
  }

  static List<Path> notebooks(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }
}
