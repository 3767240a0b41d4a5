package io.mlsysim.spark.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run wrote: every data file of every table with its row count, recorded in the run's
 * {@code runs} row. Readers read exactly these files, so a stray file in a run's folder, or the
 * files of an unfinished replacement, are never part of an answer; and a missing or damaged file
 * is noticed by comparing the files' own footers with these counts.
 *
 * <p>Text form, one line per file: {@code table/file-name<TAB>rows}. Published files are named
 * {@code commit-<commit id>-<Spark's name>}, so the files of a run recorded before manifests
 * existed (which claims its whole folder) can be told from those a re-run is moving in.
 */
public final class Manifest {
  /** How published data files begin; what follows is the commit id, a dash and Spark's file name. */
  public static final String PREFIX = "commit-";
  /** One data file of a table, named relative to the run's partition folder of that table. */
  public record Entry(String table, String file, long rows) {}

  private final List<Entry> entries;

  private Manifest(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The manifest of a staged run: the Parquet files under {@code staged/<table>}, under the names
   * they will be published with, and the row counts their footers give.
   */
  public static Manifest ofStaged(Configuration conf, Path staged, List<String> tables, String commitId) {
    List<Entry> out = new ArrayList<>();
    for (String t : tables) {
      for (Path f : dataFiles(conf, new Path(staged, t))) {
        try {
          out.add(new Entry(t, PREFIX + commitId + "-" + f.getName(), Footers.rows(conf, f)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the footer of the staged file " + f, e);
        }
      }
    }
    return new Manifest(out);
  }

  /** Parses the text form; null or blank (a run recorded before manifests existed) gives null. */
  public static Manifest parse(String text) {
    if (text == null) {
      return null;
    }
    List<Entry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int slash = line.indexOf('/');
      int tab = line.lastIndexOf('\t');
      if (slash <= 0 || tab < slash) {
        throw new IllegalArgumentException("not a manifest line: '" + line + "'");
      }
      out.add(new Entry(line.substring(0, slash), line.substring(slash + 1, tab),
          Long.parseLong(line.substring(tab + 1))));
    }
    return new Manifest(out);
  }

  public String text() {
    StringBuilder s = new StringBuilder();
    for (Entry e : entries) {
      s.append(e.table()).append('/').append(e.file()).append('\t').append(e.rows()).append('\n');
    }
    return s.toString();
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The files of one table. */
  public List<Entry> files(String table) {
    return entries.stream().filter(e -> e.table().equals(table)).toList();
  }

  /** Rows per table, in the order tables were listed. */
  public Map<String, Long> rows() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.merge(e.table(), e.rows(), Long::sum);
    }
    return m;
  }

  /** The staged name of a published file. */
  public static String stagedName(String published) {
    int dash = published.indexOf('-', PREFIX.length());
    return published.startsWith(PREFIX) && dash > 0 ? published.substring(dash + 1) : published;
  }

  /** The files of a run recorded before manifests: its folder's data files, less any a re-run published. */
  public static List<Path> legacyFiles(Configuration conf, Path dir) {
    return dataFiles(conf, dir).stream().filter(p -> !p.getName().startsWith(PREFIX)).toList();
  }

  /** The Parquet data files directly in {@code dir}: not Spark's markers, checksums or hidden files. */
  public static List<Path> dataFiles(Configuration conf, Path dir) {
    List<Path> out = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        String n = s.getPath().getName();
        if (s.isFile() && !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".parquet")) {
          out.add(s.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(null);
    return out;
  }
}
