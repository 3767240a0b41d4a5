package io.mlsysim.spark;

import java.util.regex.Pattern;

/**
 * The one check of a run id, shared by {@code mlsysim study run}, the spark-submit job and the
 * MCP tools. A run id names a table partition and a lock file on any Hadoop file system, so it
 * keeps to characters every store accepts; ':' and '+' (as in an Airflow run id) are refused
 * rather than rewritten, because two different ids must never become the same run.
 */
public final class RunIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private RunIds() {}

  /** True when {@code id} can name a run. */
  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /**
   * Throws an IllegalArgumentException naming {@code option}, the id and a usable replacement
   * unless the id is null (a fresh id is chosen) or valid.
   */
  public static void check(String option, String id) {
    if (id == null || valid(id)) {
      return;
    }
    throw new IllegalArgumentException(option + " '" + id + "': a run id is 1 to 64 letters, digits, '.', '_' or '-'"
        + (suggestion(id).isEmpty() ? "" : "; e.g. " + option + " '" + suggestion(id) + "'")
        + (id.matches("(scheduled|manual|backfill|dataset_triggered|asset_triggered)__.*")
            ? " (in an Airflow task, {{ ts_nodash }} gives such an id)" : ""));
  }

  /** The id with every other character replaced by '-', cut to 64 characters; empty if nothing is left. */
  static String suggestion(String id) {
    String s = id.replaceAll("[^A-Za-z0-9_.-]", "-");
    s = s.length() > 64 ? s.substring(0, 64) : s;
    return s.replace("-", "").isEmpty() ? "" : s;
  }
}
