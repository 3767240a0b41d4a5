package io.mlsysim.hardware;

import java.util.Locale;

/** How a link's bandwidth figure is quoted. */
public enum LinkDirection {
  /** The figure is already the rate in one direction. */
  PER_DIRECTION,
  /** The figure adds both directions (how NVLink is marketed): halve it for a transfer. */
  BIDIRECTIONAL_TOTAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LinkDirection parse(String field, String text) {
    for (LinkDirection d : values()) {
      if (d.id().equalsIgnoreCase(text.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException(field + ": unknown direction '" + text
        + "'; use per_direction or bidirectional_total");
  }
}
