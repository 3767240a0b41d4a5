package io.mlsysim.hardware;

/** Local storage: capacity in bytes, bandwidth in B/s, latency in s (NaN when unknown). */
public record StorageSpec(double capacity, double bandwidth, double latency) {}
