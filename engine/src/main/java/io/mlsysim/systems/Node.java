package io.mlsysim.systems;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.provenance.Provenance;

/**
 * A server: several accelerators joined by an intra-node link.
 *
 * @param intraNodeBandwidth per-direction accelerator-to-accelerator rate in B/s
 * @param hostMemory host DRAM in bytes, NaN when unknown
 * @param unitCost price of the whole node in USD, NaN when unknown
 */
public record Node(
    String name,
    HardwareNode accelerator,
    int acceleratorsPerNode,
    double intraNodeBandwidth,
    int nicsPerNode,
    int psusPerNode,
    double hostMemory,
    double unitCost,
    Provenance source) {}
