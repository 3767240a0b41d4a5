package io.mlsysim.physics;

import java.util.Locale;

/** Network shapes: how much of the link bandwidth crosses the bisection, and average hop count. */
public final class Topology {
  private Topology() {}

  /** Network shapes the engine knows. */
  public enum Shape {
    FAT_TREE, DRAGONFLY, RING, TORUS_3D;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Shape parse(String text) {
      if (text != null) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Shape s : values()) {
          if (s.id().equals(t) || (s == TORUS_3D && (t.equals("torus") || t.equals("3d-torus")))) {
            return s;
          }
        }
      }
      throw new IllegalArgumentException("topology: unknown shape '" + text
          + "'; use one of fat-tree, dragonfly, ring, torus-3d");
    }
  }

  /**
   * Bisection fraction: fat-tree 1, dragonfly the given fraction, ring {@code 2/N}, 3-D torus
   * {@code 2·N^(−1/3)}.
   */
  public static double bisectionFraction(Shape shape, int nodes, double dragonflyFraction) {
    return switch (shape) {
      case FAT_TREE -> 1;
      case DRAGONFLY -> dragonflyFraction;
      case RING -> 2.0 / nodes;
      case TORUS_3D -> 2 * Math.pow(nodes, -1.0 / 3);
    };
  }

  /** Per-node bandwidth left after the bisection and oversubscription: {@code link·β/oversub}. */
  public static double effectiveBandwidth(double link, double bisectionFraction, double oversubscription) {
    return link * bisectionFraction / oversubscription;
  }

  /** Bisection bandwidth: {@code link·β·N/2/oversub}. */
  public static double bisectionBandwidth(double link, double bisectionFraction, int nodes, double oversubscription) {
    return link * bisectionFraction * nodes / 2 / oversubscription;
  }

  /** Average hops: fat-tree and dragonfly fixed, torus {@code 0.75·N^(1/3)}, ring {@code N/4}. */
  public static double averageHops(Shape shape, int nodes, double fatTreeHops, double dragonflyHops) {
    return switch (shape) {
      case FAT_TREE -> fatTreeHops;
      case DRAGONFLY -> dragonflyHops;
      case RING -> nodes / 4.0;
      case TORUS_3D -> 0.75 * Math.cbrt(nodes);
    };
  }
}
