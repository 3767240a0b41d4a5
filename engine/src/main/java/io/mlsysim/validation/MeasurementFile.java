package io.mlsysim.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.provenance.SourceKind;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.WorkloadTier;
import io.mlsysim.yaml.StrictYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of published or in-house training measurements, each row a configuration and what was
 * measured on it (format in docs/fleet-models.md, "Validating against measurements"):
 * <pre>
 * name: …            source: "…"          (required: where the numbers come from)
 * metric: step_time | tflops_per_gpu      flop_count: narayanan2021 (for tflops_per_gpu)
 * fixed: {input: value, …}                (inputs every row shares: the stated assumptions)
 * workloads: {Name: {parameters, layers, hidden_size, heads, vocab_size}}   (models the zoo lacks)
 * rows: [{label: …, measured: …, input: value, …}]
 * </pre>
 * Inputs are DistributedModel's, written as on the command line (zoo names, numbers, units).
 */
public record MeasurementFile(String name, String source, Metric metric, FlopCount flopCount,
    Map<String, Object> fixed, Map<String, TransformerWorkload> workloads, List<Row> rows) {

  /** One measured configuration: its own inputs and the measured value in the file's metric. */
  public record Row(String label, double measured, Map<String, Object> inputs) {}

  /** What a row's {@code measured} is. */
  public enum Metric {
    /** Seconds per optimizer step (a number of seconds or a time such as "9.4 s"). */
    STEP_TIME,
    /** Achieved teraFLOP/s per accelerator, FLOPs counted by the file's {@code flop_count}. */
    TFLOPS_PER_GPU
  }

  public static MeasurementFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("file", file + ": no such measurement file");
    } catch (IOException e) {
      throw new InvalidInputException("file", file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(file.toString(), text);
  }

  public static MeasurementFile parse(String origin, String text) {
    JsonNode root;
    try {
      root = StrictYaml.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("file", StrictYaml.message(origin, e));
    }
    if (root == null || !root.isObject()) {
      throw bad(origin, "file", "a measurement file is a mapping with name, source, metric and rows");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!List.of("name", "source", "metric", "flop_count", "fixed", "workloads", "rows").contains(k)) {
        throw bad(origin, k, "unknown field '" + k + "'; the fields are name, source, metric, flop_count, fixed, "
            + "workloads, rows");
      }
    }
    String name = requiredText(origin, root, "name");
    String source = requiredText(origin, root, "source");
    Metric metric = switch (requiredText(origin, root, "metric")) {
      case "step_time" -> Metric.STEP_TIME;
      case "tflops_per_gpu" -> Metric.TFLOPS_PER_GPU;
      default -> throw bad(origin, "metric", "metric '" + root.get("metric").asText()
          + "' is not known; use step_time or tflops_per_gpu");
    };
    FlopCount flops = null;
    if (metric == Metric.TFLOPS_PER_GPU) {
      flops = FlopCount.parse(origin, requiredText(origin, root, "flop_count"));
    }
    Map<String, Object> fixed = scalars(origin, "fixed", root.get("fixed"));
    Map<String, TransformerWorkload> workloads = workloads(origin, source, root.get("workloads"));
    JsonNode rowsNode = root.get("rows");
    if (rowsNode == null || !rowsNode.isArray() || rowsNode.isEmpty()) {
      throw bad(origin, "rows", "rows must be a non-empty list of measured configurations");
    }
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (JsonNode r : rowsNode) {
      String where = "rows[" + i++ + "]";
      Map<String, Object> inputs = scalars(origin, where, r);
      Object measured = inputs.remove("measured");
      if (measured == null) {
        throw bad(origin, where + ".measured", where + ".measured is missing: each row needs 'measured', the value in the file's metric");
      }
      Object label = inputs.remove("label");
      Object w = inputs.get("workload");
      if (w instanceof String s && workloads.containsKey(s)) {
        inputs.put("workload", workloads.get(s));
      }
      rows.add(new Row(label == null ? where : label.toString(), value(origin, where, metric, measured), inputs));
    }
    return new MeasurementFile(name, source, metric, flops, fixed, workloads, List.copyOf(rows));
  }

  private static double value(String origin, String where, Metric metric, Object measured) {
    String field = where + ".measured";
    double v;
    if (measured instanceof Number n) {
      v = n.doubleValue();
    } else if (metric == Metric.STEP_TIME) {
      try {
        v = io.mlsysim.units.Quantities.parse(field, measured.toString(), io.mlsysim.units.QuantityKind.TIME);
      } catch (IllegalArgumentException e) {
        throw bad(origin, field, e.getMessage());
      }
    } else {
      throw bad(origin, field, field + " '" + measured + "' must be a number of TFLOP/s per GPU");
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw bad(origin, field, field + " must be a positive finite number, got " + measured);
    }
    return v;
  }

  private static Map<String, Object> scalars(String origin, String where, JsonNode node) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (node == null) {
      return m;
    }
    if (!node.isObject()) {
      throw bad(origin, where, where + " must be a mapping of input names to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw bad(origin, where + "." + e.getKey(), where + "." + e.getKey() + " must be a name, a number or a flag");
      }
      m.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble()
          : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
    }
    return m;
  }

  private static Map<String, TransformerWorkload> workloads(String origin, String source, JsonNode node) {
    Map<String, TransformerWorkload> m = new LinkedHashMap<>();
    if (node == null) {
      return m;
    }
    if (!node.isObject()) {
      throw bad(origin, "workloads", "workloads must map names to {parameters, layers, hidden_size, heads, vocab_size}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String where = "workloads." + e.getKey();
      Map<String, Object> f = scalars(origin, where, e.getValue());
      for (String k : f.keySet()) {
        if (!List.of("parameters", "layers", "hidden_size", "heads", "vocab_size").contains(k)) {
          throw bad(origin, where + "." + k, "unknown field '" + k + "'; a workload gives parameters, layers, "
              + "hidden_size, heads, vocab_size");
        }
      }
      double params = number(origin, where, f, "parameters");
      int layers = (int) number(origin, where, f, "layers");
      int hidden = (int) number(origin, where, f, "hidden_size");
      int heads = (int) number(origin, where, f, "heads");
      int vocab = (int) number(origin, where, f, "vocab_size");
      m.put(e.getKey(), new TransformerWorkload(e.getKey(), WorkloadTier.LANGUAGE, params, 2 * params, layers,
          hidden, heads, heads, 0, 0, vocab, Double.NaN, Double.NaN,
          new Provenance("validation/" + e.getKey(), SourceKind.ILLUSTRATIVE, source, null, null,
              "model shape from a measurement file")));
    }
    return m;
  }

  private static double number(String origin, String where, Map<String, Object> f, String key) {
    if (!(f.get(key) instanceof Number n) || !(n.doubleValue() > 0)) {
      throw bad(origin, where + "." + key, where + "." + key + " must be a positive number, got " + f.get(key));
    }
    return n.doubleValue();
  }

  private static String requiredText(String origin, JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw bad(origin, field, field + " is required (text)");
    }
    return n.asText();
  }

  static InvalidInputException bad(String origin, String field, String message) {
    return new InvalidInputException(field, origin + ": " + message);
  }
}
