package io.mlsysim.spark.integrity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Whether a committed run's files still hold what the run recorded, from the files' footers
 * alone (no data is read): every file of its manifest present, readable and holding its rows.
 * A run recorded before manifests existed is checked by its tables' row totals instead.
 */
public final class RunCheck {
  private RunCheck() {}

  /**
   * What is wrong with the run, in one line naming the table ("results: file part-… is missing"),
   * or empty when it is whole.
   *
   * @param partitions each table's partition folder of the run
   * @param manifest what the run wrote, or null for a run from before manifests
   * @param recorded rows per table as the runs row records them (used when there is no manifest)
   */
  public static Optional<String> damage(Configuration conf, Map<String, Path> partitions, Manifest manifest,
      Map<String, Long> recorded) {
    List<String> problems = new ArrayList<>();
    if (manifest != null) {
      for (Manifest.Entry e : manifest.entries()) {
        Path file = new Path(partitions.get(e.table()), e.file());
        String p = check(conf, file, e.rows());
        if (p != null) {
          problems.add(e.table() + ": " + p);
        }
      }
    } else {
      for (Map.Entry<String, Long> r : recorded.entrySet()) {
        long total = 0;
        String unreadable = null;
        for (Path f : Manifest.legacyFiles(conf, partitions.get(r.getKey()))) {
          try {
            total += Footers.rows(conf, f);
          } catch (IOException ex) {
            unreadable = "file " + f.getName() + " is not a readable Parquet file";
          }
        }
        if (unreadable != null) {
          problems.add(r.getKey() + ": " + unreadable);
        } else if (total != r.getValue()) {
          problems.add(String.format("%s: its files hold %,d rows, the run recorded %,d", r.getKey(), total,
              r.getValue()));
        }
      }
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
  }

  private static String check(Configuration conf, Path file, long rows) {
    try {
      if (!file.getFileSystem(conf).exists(file)) {
        return String.format("file %s is missing (%,d rows)", file.getName(), rows);
      }
      long has = Footers.rows(conf, file);
      return has == rows ? null : String.format("file %s holds %,d rows, the run recorded %,d", file.getName(), has, rows);
    } catch (IOException e) {
      return "file " + file.getName() + " is not a readable Parquet file";
    }
  }
}
