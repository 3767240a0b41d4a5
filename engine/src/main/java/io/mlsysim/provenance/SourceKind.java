package io.mlsysim.provenance;

import java.util.Locale;

/** Where a number comes from. Evidence kinds must link to the evidence. */
public enum SourceKind {
  DATASHEET(true, false),
  LITERATURE(true, false),
  INDUSTRY_REPORT(true, false),
  CONVENTION(false, false),
  ESTIMATE(false, true),
  DERIVED(false, true),
  ILLUSTRATIVE(false, false),
  HEURISTIC(false, false);

  private final boolean needsUrl;
  private final boolean needsNotes;

  SourceKind(boolean needsUrl, boolean needsNotes) {
    this.needsUrl = needsUrl;
    this.needsNotes = needsNotes;
  }

  /** Evidence (a datasheet, a paper, a report) is only evidence if a reader can follow it. */
  public boolean needsUrl() {
    return needsUrl;
  }

  /** An estimate or derivation is only reviewable if it says how it was made. */
  public boolean needsNotes() {
    return needsNotes;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceKind parse(String field, String text) {
    for (SourceKind k : values()) {
      if (k.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return k;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (SourceKind k : values()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(k.id());
    }
    throw new IllegalArgumentException(field + ": unknown source kind '" + text + "'; use one of " + allowed);
  }
}
