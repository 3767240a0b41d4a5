package io.mlsysim.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code study run -o json}: one JSON object a script can act on without a second command: the
 * run id, the counts (candidates, rows by status, feasible, frontier), where each table is, and
 * the frontier as {@code study frontier -o json} prints it (numbers at full precision).
 */
final class RunJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunJson() {}

  /** @param frontierLines the frontier's JSON lines, one object per distinct objective vector */
  static String of(StudyRunner.Summary s, String frontierLines) {
    ObjectNode o = JSON.createObjectNode();
    o.put("study", s.study());
    o.put("run_id", s.runId());
    o.put("candidates", s.candidates());
    o.put("rows", s.rows());
    ObjectNode statuses = o.putObject("statuses");
    for (Map.Entry<String, Long> e : s.statusCounts().entrySet()) {
      statuses.put(e.getKey(), e.getValue());
    }
    o.put("feasible", s.statusCounts().getOrDefault("ok", 0L)); // ok: evaluated, fits, meets every constraint
    o.put("frontier_rows", s.frontierRows());
    o.put("wall_seconds", s.seconds());
    ObjectNode tables = o.putObject("tables");
    tables.put("root", s.outputRoot());
    for (String t : Tables.VIEWS) {
      tables.put(t, Tables.path(s.outputRoot(), t));
    }
    ArrayNode frontier = o.putArray("frontier");
    try {
      for (String line : frontierLines.split("\n")) {
        if (!line.isBlank()) {
          frontier.add(JSON.readTree(line));
        }
      }
      return JSON.writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
