package io.mlsysim.zoo;

import io.mlsysim.provenance.Provenance;
import io.mlsysim.provenance.SourceKind;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.units.Quantities;
import io.mlsysim.zoo.spec.QText;
import io.mlsysim.zoo.spec.SourceSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of one entry and turns every problem into a {@link ZooException} that names
 * file, line, entry and field.
 */
final class EntryContext {
  private final String origin;
  private final int line;
  private final String kind;
  private final String name;
  /** Line of each quantity field read so far, so a later range check can point at it. */
  private final java.util.Map<String, Integer> fieldLines = new java.util.HashMap<>();

  EntryContext(String origin, int line, String kind, String name) {
    this.origin = origin;
    this.line = line;
    this.kind = kind;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** A required quantity in canonical units. */
  double required(String field, QText text, QuantityKind qk) {
    if (text == null) {
      throw error(line, field + " is required (a " + qk.label() + ", e.g. \"" + qk.example() + "\")");
    }
    return optional(field, text, qk);
  }

  /** An optional quantity in canonical units, NaN when absent. */
  double optional(String field, QText text, QuantityKind qk) {
    if (text == null) {
      return Double.NaN;
    }
    if (text.line() > 0) {
      fieldLines.put(field, text.line());
    }
    try {
      return Quantities.parse(field, text.text(), qk);
    } catch (IllegalArgumentException e) {
      throw error(text.line(), e.getMessage());
    }
  }

  <T> T require(String field, T value) {
    if (value == null) {
      throw error(line, field + " is required");
    }
    return value;
  }

  int positive(String field, Integer value) {
    int v = require(field, value);
    if (v <= 0) {
      throw error(line, field + " must be positive, got " + v);
    }
    return v;
  }

  double positive(String field, double value) {
    if (!(value > 0)) {
      throw error(fieldLines.getOrDefault(field, line), field + " must be positive, got " + value);
    }
    return value;
  }

  /** Fails unless the value is absent (NaN) or positive. */
  double positiveIfPresent(String field, double value) {
    return Double.isNaN(value) ? value : positive(field, value);
  }

  void check(boolean ok, String message) {
    if (!ok) {
      throw error(line, message);
    }
  }

  Provenance provenance(SourceSpec s) {
    if (s == null) {
      throw error(line, "source is required: every zoo entry says where its numbers come from");
    }
    try {
      LocalDate verified = s.verified == null ? null : LocalDate.parse(s.verified);
      return new Provenance(kind + "/" + name, SourceKind.parse("source.kind", s.kind), s.ref, s.url,
          verified, s.notes);
    } catch (DateTimeParseException e) {
      throw error(line, "source.verified '" + s.verified + "' is not a date (write YYYY-MM-DD)");
    } catch (IllegalArgumentException e) {
      throw error(line, e.getMessage().replace(kind + "/" + name + ": ", "source: "));
    }
  }

  <T> T resolve(Registry<T> registry, String field, String ref) {
    require(field, ref);
    try {
      return registry.get(ref);
    } catch (UnknownEntryException e) {
      throw error(line, field + ": " + e.getMessage());
    }
  }

  ZooException error(int atLine, String message) {
    return new ZooException(origin + (atLine > 0 ? ":" + atLine : "") + ": " + kind + " '" + name + "': " + message);
  }
}
