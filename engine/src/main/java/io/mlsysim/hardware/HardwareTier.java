package io.mlsysim.hardware;

import java.util.Locale;

/** Where a device is deployed; the zoo lists hardware by tier. */
public enum HardwareTier {
  CLOUD, WORKSTATION, MOBILE, EDGE, TINY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
