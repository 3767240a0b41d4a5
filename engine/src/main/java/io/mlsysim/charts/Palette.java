package io.mlsysim.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The colours of plotted series. Every series gets one opaque colour from this fixed list and no
 * text uses any of them, so the number of series in a written picture can be read back from its
 * pixels (or its SVG) — which is how the tests and the committed example images are checked.
 */
public final class Palette {
  /** Categories: rooflines, workloads, the colour groups of a study's candidates (Tableau 10, less its grey). */
  public static final List<Color> CATEGORIES = List.of(new Color(0x4E79A7), new Color(0xF28E2B),
      new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1),
      new Color(0xFF9DA7), new Color(0x9C755F));
  /** Candidates when nothing colours them. */
  public static final Color CLOUD = new Color(0x9EA3A8); // not a grey JFreeChart draws axes or log ticks with
  /** Points on the study's frontier (rank 1 over all objectives). */
  public static final Color FRONTIER = new Color(0xB0002A);
  /** The two-objective trade-off line through the frontier points of one chart. */
  public static final Color TRADE_OFF = new Color(0x000000);
  /** Every text, axis and grid line: a grey that no series uses. */
  static final Color INK = new Color(0x333333);

  private Palette() {}

  /** The colour of the i-th category (cycling when there are more categories than colours). */
  public static Color category(int i) {
    return CATEGORIES.get(i % CATEGORIES.size());
  }

  /** Every colour a series may have. */
  public static List<Color> seriesColours() {
    List<Color> all = new ArrayList<>(CATEGORIES);
    all.add(CLOUD);
    all.add(FRONTIER);
    all.add(TRADE_OFF);
    return all;
  }

  /** The colour as SVG writes it, {@code rgb(r,g,b)}. */
  public static String svg(Color c) {
    return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }
}
