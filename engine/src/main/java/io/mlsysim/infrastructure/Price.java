package io.mlsysim.infrastructure;

import io.mlsysim.provenance.Provenance;
import io.mlsysim.units.QuantityKind;

/**
 * One price of the pricing catalogue (electricity, GPU-hours, egress, storage, maintenance),
 * in the canonical unit of its kind.
 */
public record Price(String name, double value, QuantityKind kind, String displayUnit, Provenance source) {}
