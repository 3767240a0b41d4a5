package io.mlsysim.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts to PNG or SVG. Several charts (the pairs of a study's objectives) are laid out
 * in a grid of equal cells on one canvas, so one file holds them all.
 */
public final class ChartWriter {
  /** Size of one chart cell in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 600;

  static {
    // Drawing needs no screen; without this a machine with DISPLAY set would try to open one.
    System.setProperty("java.awt.headless", "true");
  }

  private ChartWriter() {}

  /** Writes the charts to a file whose extension (.png or .svg) names the format; creates missing folders. */
  public static void write(List<Chart> charts, Path to) {
    ChartFormat format = ChartFormat.of(to);
    try {
      Path parent = to.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (format == ChartFormat.PNG) {
        ImageIO.write(png(charts), "png", to.toFile());
      } else {
        Files.writeString(to, svgDocument(charts), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--to '" + to + "': cannot write the picture there (" + e.getMessage() + ")");
    }
  }

  public static void write(Chart chart, Path to) {
    write(List.of(chart), to);
  }

  /** Columns of the grid: one chart alone, two side by side, more in rows of two. */
  static int columns(int charts) {
    return Math.min(charts, 2);
  }

  public static BufferedImage png(List<Chart> charts) {
    int cols = columns(charts.size());
    int rows = (charts.size() + cols - 1) / cols;
    BufferedImage image = new BufferedImage(cols * WIDTH, rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    draw(charts, g, cols);
    g.dispose();
    return image;
  }

  /** The {@code <svg>} element alone, for embedding in an HTML page. */
  public static String svgElement(List<Chart> charts) {
    return svg(charts).getSVGElement();
  }

  /** A standalone SVG document. */
  public static String svgDocument(List<Chart> charts) {
    return svg(charts).getSVGDocument();
  }

  private static SVGGraphics2D svg(List<Chart> charts) {
    int cols = columns(charts.size());
    int rows = (charts.size() + cols - 1) / cols;
    SVGGraphics2D g = new SVGGraphics2D(cols * WIDTH, rows * HEIGHT);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, cols * WIDTH, rows * HEIGHT);
    draw(charts, g, cols);
    return g;
  }

  private static void draw(List<Chart> charts, Graphics2D g, int cols) {
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("nothing to draw");
    }
    for (int i = 0; i < charts.size(); i++) {
      Rectangle cell = new Rectangle((i % cols) * WIDTH, (i / cols) * HEIGHT, WIDTH, HEIGHT);
      charts.get(i).chart().draw(g, cell);
    }
  }

  /** For callers that hold an IOException-free contract (notebooks): PNG bytes. */
  public static byte[] pngBytes(List<Chart> charts) {
    try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      ImageIO.write(png(charts), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
