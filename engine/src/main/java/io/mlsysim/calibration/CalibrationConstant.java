package io.mlsysim.calibration;

import io.mlsysim.provenance.Provenance;
import io.mlsysim.units.QuantityKind;
import java.util.Objects;

/**
 * One entry of the calibration catalogue: a default number (or a default name) the engine uses,
 * what it measures, and where it comes from. Rows of the {@code sources} table.
 *
 * @param id stable identifier, {@code calibration/<field name in lower case>}
 * @param field the public constant in {@link Calibration} holding the value
 * @param value the value in the canonical unit of {@code kind} (NaN for a textual default)
 * @param text a textual default (registry names), or null
 * @param kind what the value measures
 * @param unit the unit the value is in (the kind's canonical unit unless stated)
 * @param source provenance of the value
 */
public record CalibrationConstant(String id, String field, double value, String text, QuantityKind kind,
    String unit, Provenance source) {

  public CalibrationConstant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    unit = unit == null ? kind.canonicalSymbol() : unit;
  }

  public boolean isText() {
    return text != null;
  }
}
