package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium (Debian's package), run as a subprocess: a screenshot of a page, and
 * the DOM after it loaded. Missing Chromium fails the test with the package to install: CI
 * installs it (.ci/run), so a skip would only hide a broken machine.
 */
final class Browser {
  static final String MISSING = "the report check needs a headless Chromium on PATH; install Debian's package: "
      + "apt-get install chromium";

  private Browser() {}

  static String executable() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return fail(MISSING);
  }

  /** Takes a screenshot of the page at a fixed window size. */
  static void screenshot(Path page, Path png, int width, int height) throws Exception {
    run(page, "--screenshot=" + png, "--window-size=" + width + "," + height);
    assertTrue(Files.size(png) > 0, "Chromium wrote no screenshot");
  }

  /** The page's DOM as Chromium parsed it. */
  static String dom(Path page) throws Exception {
    return run(page, "--dump-dom");
  }

  private static String run(Path page, String... args) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile,
        // Nothing on the page may come from the network; this makes any attempt fail rather than hang.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    File err = File.createTempFile("chromium", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "Chromium did not finish");
    assertEquals(0, p.exitValue(), () -> "Chromium failed: " + read(err));
    err.delete();
    return out;
  }

  private static String read(File f) {
    try {
      return Files.readString(f.toPath());
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
