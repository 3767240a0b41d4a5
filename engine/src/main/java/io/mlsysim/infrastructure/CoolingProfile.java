package io.mlsysim.infrastructure;

import io.mlsysim.provenance.Provenance;

/** A cooling technology: power usage effectiveness and water use (L per J). */
public record CoolingProfile(String name, double pue, double wue, Provenance source) {}
