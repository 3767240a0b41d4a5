package io.mlsysim.systems;

import io.mlsysim.provenance.Provenance;

/** Mean time to failure of one component class, in seconds. */
public record ComponentReliability(String name, double mttf, Provenance source) {}
