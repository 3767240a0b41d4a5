package io.mlsysim.provenance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a zoo value or a calibration constant comes from.
 *
 * @param id stable identifier, e.g. "hardware/H100" or "calibration/default_efficiency"
 * @param kind the kind of source
 * @param ref a human reference ("NVIDIA H100 Tensor Core GPU datasheet")
 * @param url where to check it; required for evidence kinds
 * @param verified when someone last checked the value against the source (may be null)
 * @param notes how an estimate or derivation was made; required for those kinds
 */
public record Provenance(String id, SourceKind kind, String ref, String url, LocalDate verified, String notes) {

  public Provenance {
    Objects.requireNonNull(id, "provenance id");
    Objects.requireNonNull(kind, "provenance kind");
    if (kind.needsUrl() && isBlank(url)) {
      throw new IllegalArgumentException(id + ": source kind '" + kind.id()
          + "' is evidence and needs a url (add source.url)");
    }
    if (kind.needsNotes() && isBlank(notes)) {
      throw new IllegalArgumentException(id + ": source kind '" + kind.id()
          + "' needs notes saying how the value was obtained (add source.notes)");
    }
    ref = ref == null ? "" : ref;
    url = url == null ? "" : url;
    notes = notes == null ? "" : notes;
  }

  /** A convention of this engine, for constants that are choices rather than measurements. */
  public static Provenance convention(String id, String ref) {
    return new Provenance(id, SourceKind.CONVENTION, ref, null, null, null);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
