package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plot} command as a user meets it: pictures on success, one clear line on a mistake. */
class PlotCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void drawsTheIssuesExample() {
    Path png = dir.resolve("r.png");
    Run r = run("plot", "roofline", "H100", "B200", "--workload", "Llama3_8B", "--workload", "ResNet50", "--to",
        png.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("4 series (H100, B200, Llama3_8B, ResNet50)"), r.out());
    assertEquals(4, PictureFacts.of(png).seriesCount());
  }

  @Test
  void aFormatOtherThanPngOrSvgIsOneLineAndNothingWritten() {
    Path jpg = dir.resolve("r.jpg");
    Run r = run("plot", "roofline", "H100", "--to", jpg.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--to '" + jpg + "'") && r.err().contains(".png or .svg"), r.err());
    assertFalse(Files.exists(jpg));
  }

  @Test
  void anUnknownAcceleratorIsRefusedWithASuggestion() {
    Run r = run("plot", "roofline", "H10", "--to", dir.resolve("r.png").toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("H10"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void missingToIsAUsageError() {
    Run r = run("plot", "roofline", "H100");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--to"), r.err());
  }

  @Test
  void everyPlotCommandHasHelp() {
    Run plot = run("plot", "--help");
    assertEquals(0, plot.code());
    assertTrue(plot.out().contains("roofline"), plot.out());
    Run roofline = run("plot", "roofline", "--help");
    assertEquals(0, roofline.code());
    assertTrue(roofline.out().contains("--to=FILE") && roofline.out().contains("--workload"), roofline.out());
  }
}
