package io.mlsysim.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * What a written picture shows, read back from the file itself: its size, how much of it is
 * drawn, and which series colours appear. Each series has one colour of {@link Palette} and no
 * text or axis uses any, so the colours present count the series. {@code marks} is what is drawn:
 * pixels that are not white in a PNG, drawing elements in an SVG. The tests, and the check that
 * the README's committed pictures still match the commands, compare these facts.
 */
public record PictureFacts(int width, int height, long marks, Set<Color> seriesColours) {
  /** A colour counts as present from this many exact pixels: a legend swatch alone has more. */
  static final int MIN_PIXELS = 12;

  public int seriesCount() {
    return seriesColours.size();
  }

  public static PictureFacts of(Path file) {
    try {
      return ChartFormat.of(file) == ChartFormat.PNG ? png(ImageIO.read(file.toFile()))
          : svg(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PictureFacts png(BufferedImage image) {
    if (image == null) {
      throw new IllegalArgumentException("not a readable image");
    }
    List<Color> palette = Palette.seriesColours();
    int[] hits = new int[palette.size()];
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) {
          inked++;
        }
        for (int i = 0; i < hits.length; i++) {
          if (palette.get(i).getRGB() == (rgb | 0xFF000000)) {
            hits[i]++;
          }
        }
      }
    }
    Set<Color> present = new HashSet<>();
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] >= MIN_PIXELS) {
        present.add(palette.get(i));
      }
    }
    return new PictureFacts(image.getWidth(), image.getHeight(), inked, present);
  }

  /** An SVG's size from its root element, and the series colours its shapes are filled or stroked with. */
  public static PictureFacts svg(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg[^>]*width=[\"']([\\d.]+)[\"'][^>]*height=[\"']([\\d.]+)[\"']")
        .matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("not an SVG document with a width and height");
    }
    Set<Color> present = new HashSet<>();
    for (Color c : Palette.seriesColours()) {
      if (text.contains(Palette.svg(c))) {
        present.add(c);
      }
    }
    long shapes = text.split("<path|<rect|<ellipse|<line|<polyline|<circle", -1).length - 1;
    return new PictureFacts((int) Double.parseDouble(m.group(1)), (int) Double.parseDouble(m.group(2)), shapes, present);
  }
}
