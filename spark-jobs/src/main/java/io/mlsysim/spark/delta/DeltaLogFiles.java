package io.mlsysim.spark.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The data files a Delta table holds at its latest version, read from its transaction log
 * without Spark: the newest complete checkpoint, then every JSON commit after it, adds and
 * removes applied in order (the replay the Delta protocol, PROTOCOL.md "Action Reconciliation",
 * prescribes). The CLI decides {@code --if-changed}, picks runs and lists studies from the runs
 * table this way, before (or without) starting a Spark session.
 *
 * <p>It reads what this project's tables use: classic single- or multi-part Parquet
 * checkpoints and JSON commits. Tables here never carry deletion vectors (they are turned off
 * when a table is created), so a file's rows are all its rows.
 */
public final class DeltaLogFiles {
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint(?:\\.(\\d{10})\\.(\\d{10}))?\\.parquet");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One live data file: where it is and its partition values. */
  public record DataFile(Path path, Map<String, String> partitionValues) {}

  /** A table at its latest version: its live files and its schema (Spark's JSON form), null when there is no table. */
  public record Snapshot(List<DataFile> files, String schemaJson) {}

  private DeltaLogFiles() {}

  /** The folder of a table's transaction log. */
  public static Path logOf(Path table) {
    return new Path(table, "_delta_log");
  }

  /** True when the folder holds a Delta table (a transaction log with at least one commit). */
  public static boolean isTable(Configuration conf, Path table) {
    return latestVersion(conf, table) >= 0;
  }

  /** The table's latest version, or -1 when there is no table there. */
  public static long latestVersion(Configuration conf, Path table) {
    long latest = -1;
    for (FileStatus s : list(conf, logOf(table))) {
      Matcher m = COMMIT.matcher(s.getPath().getName());
      if (m.matches()) {
        latest = Math.max(latest, Long.parseLong(m.group(1)));
      }
    }
    return latest;
  }

  /** The live data files of the table at its latest version; none when there is no table. */
  public static List<DataFile> live(Configuration conf, Path table) {
    return snapshot(conf, table).files();
  }

  /** The table at its latest version: live files and schema. */
  public static Snapshot snapshot(Configuration conf, Path table) {
    TreeMap<Long, Path> commits = new TreeMap<>();
    Map<Long, Map<Integer, Path>> checkpointParts = new TreeMap<>();
    Map<Long, Integer> checkpointSize = new TreeMap<>();
    for (FileStatus s : list(conf, logOf(table))) {
      String n = s.getPath().getName();
      Matcher c = COMMIT.matcher(n);
      Matcher k = CHECKPOINT.matcher(n);
      if (c.matches()) {
        commits.put(Long.parseLong(c.group(1)), s.getPath());
      } else if (k.matches()) {
        long v = Long.parseLong(k.group(1));
        int part = k.group(2) == null ? 1 : Integer.parseInt(k.group(2));
        checkpointSize.put(v, k.group(3) == null ? 1 : Integer.parseInt(k.group(3)));
        checkpointParts.computeIfAbsent(v, x -> new TreeMap<>()).put(part, s.getPath());
      }
    }
    if (commits.isEmpty()) {
      return new Snapshot(List.of(), null);
    }
    long latest = commits.lastKey();
    long from = -1;
    Map<String, DataFile> files = new LinkedHashMap<>();
    String[] schema = new String[1];
    for (Map.Entry<Long, Map<Integer, Path>> cp : ((TreeMap<Long, Map<Integer, Path>>) checkpointParts)
        .descendingMap().entrySet()) {
      if (cp.getKey() <= latest && cp.getValue().size() == checkpointSize.get(cp.getKey())) {
        from = cp.getKey();
        for (Path part : cp.getValue().values()) {
          readCheckpoint(conf, table, part, files, schema);
        }
        break;
      }
    }
    if (from < 0 && !commits.firstKey().equals(0L)) {
      throw new IllegalStateException("the Delta log of " + table + " has no checkpoint and no first commit");
    }
    for (Map.Entry<Long, Path> c : commits.tailMap(from, false).entrySet()) {
      readCommit(conf, table, c.getValue(), files, schema);
    }
    return new Snapshot(List.copyOf(files.values()), schema[0]);
  }

  private static void readCommit(Configuration conf, Path table, Path commit, Map<String, DataFile> files,
      String[] schema) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(commit.getFileSystem(conf).open(commit),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode action = JSON.readTree(line);
        if (action.has("add")) {
          JsonNode add = action.get("add");
          Map<String, String> values = new LinkedHashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = add.path("partitionValues").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
          }
          String p = add.get("path").asText();
          files.put(p, new DataFile(resolve(table, p), values));
        } else if (action.has("remove")) {
          files.remove(action.get("remove").get("path").asText());
        } else if (action.has("metaData")) {
          schema[0] = action.get("metaData").get("schemaString").asText();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta commit " + commit, e);
    }
  }

  private static void readCheckpoint(Configuration conf, Path table, Path part, Map<String, DataFile> files,
      String[] schema) {
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part).withConf(conf).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        if (g.getType().containsField("metaData") && g.getFieldRepetitionCount("metaData") > 0) {
          schema[0] = g.getGroup("metaData", 0).getString("schemaString", 0);
        }
        if (!g.getType().containsField("add") || g.getFieldRepetitionCount("add") == 0) {
          continue;
        }
        Group add = g.getGroup("add", 0);
        Map<String, String> values = new LinkedHashMap<>();
        if (add.getType().containsField("partitionValues") && add.getFieldRepetitionCount("partitionValues") > 0) {
          Group map = add.getGroup("partitionValues", 0);
          String entries = map.getType().getFieldName(0); // "key_value" as Spark writes maps
          for (int i = 0; i < map.getFieldRepetitionCount(entries); i++) {
            Group kv = map.getGroup(entries, i);
            values.put(kv.getString("key", 0), kv.getFieldRepetitionCount("value") > 0 ? kv.getString("value", 0) : null);
          }
        }
        String p = add.getString("path", 0);
        files.put(p, new DataFile(resolve(table, p), values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta checkpoint " + part, e);
    }
  }

  /** A log path is a URI: relative to the table (percent-encoded) or absolute. */
  private static Path resolve(Path table, String logPath) {
    try {
      URI u = new URI(logPath);
      return u.isAbsolute() ? new Path(u) : new Path(table, new Path(u));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a path in a Delta log: " + logPath, e);
    }
  }

  private static FileStatus[] list(Configuration conf, Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
