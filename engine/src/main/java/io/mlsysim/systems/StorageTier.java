package io.mlsysim.systems;

import io.mlsysim.provenance.Provenance;

/** A class of storage (HDD, NVMe, object store) by sustained bandwidth in B/s. */
public record StorageTier(String name, double bandwidth, Provenance source) {}
