package io.mlsysim.systems;

import java.util.Locale;

/** Network topologies the locality model understands. */
public enum Topology {
  FAT_TREE, DRAGONFLY, TORUS_3D, RING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Topology parse(String field, String text) {
    for (Topology t : values()) {
      if (t.id().equalsIgnoreCase(text.trim().replace('-', '_'))) {
        return t;
      }
    }
    throw new IllegalArgumentException(field + ": unknown topology '" + text
        + "'; use fat_tree, dragonfly, torus_3d or ring");
  }
}
