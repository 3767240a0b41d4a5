package io.mlsysim.training;

import io.mlsysim.physics.Collectives;

/**
 * One parallel group on the links it crosses: its size, how many members share a node, and the
 * per-direction rate and per-step latency inside a node and across the fabric. The collectives
 * are the α–β formulas of {@link Collectives} on that route.
 */
public record GroupLink(Route route, int size, int membersPerNode, int nodes, double intraBandwidth,
    double intraAlpha, double fabricBandwidth, double fabricAlpha) {

  /** Ring all-reduce of {@code bytes} per member; two-level on a hierarchical route. */
  public double allReduce(double bytes) {
    return bytes <= 0 ? 0 : switch (route) {
      case NONE -> 0;
      case INTRA_NODE -> Collectives.ringAllReduce(bytes, size, intraBandwidth, intraAlpha);
      case FABRIC -> Collectives.ringAllReduce(bytes, size, fabricBandwidth, fabricAlpha);
      case HIERARCHICAL -> Collectives.hierarchicalAllReduce(bytes, membersPerNode, nodes, intraBandwidth,
          intraAlpha, fabricBandwidth, fabricAlpha);
    };
  }

  /**
   * A reduce-scatter or an all-gather of {@code bytes} (the whole tensor): half an all-reduce,
   * which a ring runs as exactly these two phases.
   */
  public double halfAllReduce(double bytes) {
    return allReduce(bytes) / 2;
  }

  /** All-to-all of {@code bytes} per member; across the fabric unless the group sits in one node. */
  public double allToAll(double bytes) {
    return switch (route) {
      case NONE -> 0;
      case INTRA_NODE -> Collectives.allToAll(bytes, size, intraBandwidth, intraAlpha);
      case FABRIC, HIERARCHICAL -> Collectives.allToAll(bytes, size, fabricBandwidth, fabricAlpha);
    };
  }

  /** One send to a neighbour: {@code M/β + α} on the group's link. */
  public double pointToPoint(double bytes) {
    return switch (route) {
      case NONE -> 0;
      case INTRA_NODE -> bytes / intraBandwidth + intraAlpha;
      case FABRIC, HIERARCHICAL -> bytes / fabricBandwidth + fabricAlpha;
    };
  }
}
