package io.mlsysim.training;

/** Which link a parallel group's collective crosses. */
public enum Route {
  /** A group of one: nothing to send. */
  NONE,
  /** Every member in one node: the intra-node link (NVLink-class). */
  INTRA_NODE,
  /** Several members per node on several nodes: inside the node first, then across nodes. */
  HIERARCHICAL,
  /** One member per node: the inter-node fabric. */
  FABRIC
}
