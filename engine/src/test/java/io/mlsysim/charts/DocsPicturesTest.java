package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's roofline picture is what its command draws today: same size, same series. (The
 * frontier picture is checked in spark-jobs, which can run the study behind it.)
 */
class DocsPicturesTest {
  static final String COMMAND = "./mlsysim plot roofline H100 B200 --workload Llama3_8B --workload ResNet50 "
      + "--to docs/pictures/roofline.png";

  @TempDir Path dir;

  static Path projectRoot() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  @Test
  void theReadmeShowsBothPicturesWithTheCommandsThatDrawThem() throws Exception {
    String readme = Files.readString(projectRoot().resolve("README.md"));
    assertTrue(readme.contains("## Pictures"), "README has a Pictures section");
    assertTrue(readme.contains(COMMAND), "the README names the command behind roofline.png");
    assertTrue(readme.contains("](docs/pictures/roofline.png)") && readme.contains("](docs/pictures/frontier.png)"));
  }

  /** The README's command through the real launcher script, writing elsewhere. */
  @Test
  void theLauncherDrawsTheReadmeRoofline() throws Exception {
    Path png = dir.resolve("r.png");
    String[] words = COMMAND.replace("docs/pictures/roofline.png", png.toString()).split(" ");
    words[0] = projectRoot().resolve("mlsysim").toString();
    ProcessBuilder pb = new ProcessBuilder(words).directory(projectRoot().toFile())
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1"); // run what this build made
    Process p = pb.start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the launcher did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
    assertEquals("", Files.readString(dir.resolve("err.txt")));
    assertEquals(4, PictureFacts.of(png).seriesCount());
  }

  @Test
  void theCommittedRooflineStillMatchesTheCommand() {
    Path now = dir.resolve("roofline.png");
    Plots.roofline(List.of("H100", "B200"), List.of("Llama3_8B", "ResNet50"), "fp16", 1, 0.5, now);
    PictureFacts drawn = PictureFacts.of(now);
    PictureFacts committed = PictureFacts.of(projectRoot().resolve("docs/pictures/roofline.png"));
    assertEquals(committed.width(), drawn.width(), "regenerate docs/pictures/roofline.png with: " + COMMAND);
    assertEquals(committed.height(), drawn.height());
    assertEquals(committed.seriesColours(), drawn.seriesColours(), "series of docs/pictures/roofline.png");
    assertEquals(4, committed.seriesCount(), "two rooflines and two workloads");
  }
}
