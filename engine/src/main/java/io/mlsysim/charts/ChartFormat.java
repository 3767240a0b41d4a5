package io.mlsysim.charts;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a chart is written in, chosen by the target file's extension. */
public enum ChartFormat {
  PNG, SVG;

  /** The format of {@code --to FILE}; anything but .png or .svg is refused with the fix. */
  public static ChartFormat of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return PNG;
    }
    if (name.endsWith(".svg")) {
      return SVG;
    }
    throw new IllegalArgumentException("--to '" + file + "': the picture's format comes from the file's extension; "
        + "end it in .png or .svg");
  }
}
