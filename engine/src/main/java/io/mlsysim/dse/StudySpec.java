package io.mlsysim.dse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A study as written in {@code configs/studies/*.yaml}, parsed strictly: unknown keys, duplicate
 * keys, wrong types and impossible ranges are refused with the file, line, field, value and a
 * fix. Names of zoo entries and result fields are checked later, by {@link StudyPlan#compile}.
 * The format is described by {@code study.schema.json} next to this class.
 */
public final class StudySpec {
  /** Allowed top-level keys. */
  static final Set<String> TOP = Set.of("name", "description", "pipeline", "fixed", "space", "conditions",
      "constraints", "objectives", "strategy", "output");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final long MAX_VALUES = 1_000_000;

  /** How a dimension is written. */
  public sealed interface DimSpec {
    /** An explicit list of values (names or numbers). */
    record Values(List<Object> values) implements DimSpec {}

    /** Integers lo, lo+step, … ≤ hi. */
    record Range(long lo, long hi, long step) implements DimSpec {}

    /** Powers of two from lo to hi (both powers of two). */
    record PowersOfTwo(long lo, long hi) implements DimSpec {}

    /** A real interval; a grid visits gridPoints points. */
    record Continuous(double lo, double hi, int gridPoints) implements DimSpec {}
  }

  /** The strategy block. */
  public record StrategySpec(String kind, long samples, int population, int generations, long seed)
      implements java.io.Serializable {}

  /** One objective. */
  public record Objective(String field, boolean maximize) {}

  private final String origin;
  private final String text;
  private final Map<String, Integer> lines;
  String name;
  String description = "";
  List<String> pipeline = new ArrayList<>();
  Map<String, Object> fixed = new LinkedHashMap<>();
  Map<String, DimSpec> space = new LinkedHashMap<>();
  List<String> conditions = new ArrayList<>();
  List<String> constraints = new ArrayList<>();
  List<Objective> objectives = new ArrayList<>();
  StrategySpec strategy = new StrategySpec("grid", 0, 0, 0, 0);
  String outputPath;
  int partitions;

  private StudySpec(String origin, String text, Map<String, Integer> lines) {
    this.origin = origin;
    this.text = text;
    this.lines = lines;
  }

  public static StudySpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StudySpecException(file + ": cannot read the study file (" + e.getMessage() + ")");
    }
    return parse(file.toString(), text);
  }

  /** Parses spec text; {@code origin} names it in messages (a file path). */
  public static StudySpec parse(String origin, String text) {
    ObjectMapper yaml = io.mlsysim.yaml.StrictYaml.mapper(); // duplicate keys refused, like every reader
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String m = e.getOriginalMessage();
      if (m.startsWith("Duplicate field")) {
        m = "duplicate key " + m.substring("Duplicate field ".length()).trim() + "; each key may appear once";
      }
      throw new StudySpecException(origin + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "")
          + ": " + m);
    }
    if (root == null || !root.isObject()) {
      throw new StudySpecException(origin + ": a study is a mapping with name, pipeline, space, objectives …");
    }
    StudySpec s = new StudySpec(origin, text, lines(yaml, text));
    s.read(root);
    return s;
  }

  private void read(JsonNode root) {
    keys(root, "", TOP);
    name = string(root, "name", true);
    if (!NAME.matcher(name).matches()) {
      throw error("name", "'" + name + "' is not a study name; use lower-case letters, digits, '_' and '-'"
          + " (it names directories and partitions)");
    }
    description = root.has("description") ? string(root, "description", false) : "";
    JsonNode p = root.get("pipeline");
    if (p == null || (!p.isArray() && !p.isTextual()) || p.isEmpty() && p.isArray()) {
      throw error("pipeline", "'pipeline' is required: the names of the model pipeline, e.g. [training]");
    }
    if (p.isTextual()) {
      pipeline.add(p.asText());
    } else {
      for (int i = 0; i < p.size(); i++) {
        if (!p.get(i).isTextual()) {
          throw error("pipeline[" + i + "]", "pipeline entries are names, got " + p.get(i));
        }
        pipeline.add(p.get(i).asText());
      }
    }
    JsonNode fx = root.get("fixed");
    if (fx != null && !fx.isNull()) {
      if (!fx.isObject()) {
        throw error("fixed", "'fixed' is a mapping of input name to one value, e.g. {seq_len: 4096}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = fx.fields(); it.hasNext(); ) {
        var e = it.next();
        fixed.put(e.getKey(), scalar("fixed." + e.getKey(), e.getValue()));
      }
    }
    JsonNode sp = root.get("space");
    if (sp == null || !sp.isObject() || sp.isEmpty()) {
      throw error("space", "'space' is required: a mapping of decision variable to its values, e.g. "
          + "{hardware: [H100, A100], tp: {powers_of_two: [1, 8]}}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = sp.fields(); it.hasNext(); ) {
      var e = it.next();
      if (fixed.containsKey(e.getKey())) {
        throw error("space." + e.getKey(), "'" + e.getKey() + "' is both fixed and in the space; keep one");
      }
      space.put(e.getKey(), dimension("space." + e.getKey(), e.getValue()));
    }
    conditions = strings(root, "conditions");
    constraints = strings(root, "constraints");
    JsonNode obj = root.get("objectives");
    if (obj == null || !obj.isArray() || obj.isEmpty()) {
      throw error("objectives", "'objectives' is required: a list like [{minimize: step_time_s}, {minimize: cost_usd}]");
    }
    for (int i = 0; i < obj.size(); i++) {
      String f = "objectives[" + i + "]";
      JsonNode o = obj.get(i);
      if (!o.isObject() || o.size() != 1 || !(o.has("minimize") || o.has("maximize"))
          || !o.elements().next().isTextual()) {
        throw error(f, "an objective is {minimize: <result field>} or {maximize: <result field>}, got " + o);
      }
      boolean max = o.has("maximize");
      objectives.add(new Objective(o.get(max ? "maximize" : "minimize").asText(), max));
    }
    JsonNode st = root.get("strategy");
    if (st != null && !st.isNull()) {
      strategy = strategy(st);
    }
    JsonNode out = root.get("output");
    if (out != null && !out.isNull()) {
      keys(out, "output", Set.of("path", "partitions"));
      outputPath = out.has("path") ? string(out, "path", "output.path") : null;
      partitions = out.has("partitions") ? (int) integer("output.partitions", out.get("partitions"), 1, 100_000) : 0;
    }
  }

  private StrategySpec strategy(JsonNode st) {
    keys(st, "strategy", Set.of("kind", "samples", "population", "generations", "seed"));
    String kind = string(st, "kind", "strategy.kind");
    long seed = st.has("seed") ? integer("strategy.seed", st.get("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 42;
    switch (kind) {
      case "grid" -> {
        for (String k : List.of("samples", "population", "generations")) {
          if (st.has(k)) {
            throw error("strategy." + k, "a grid visits every point; '" + k + "' applies to random, "
                + "latin_hypercube or nsga2");
          }
        }
        return new StrategySpec(kind, 0, 0, 0, 0);
      }
      case "random", "latin_hypercube" -> {
        if (!st.has("samples")) {
          throw error("strategy", "strategy '" + kind + "' needs 'samples: <n>'");
        }
        return new StrategySpec(kind, integer("strategy.samples", st.get("samples"), 1, Long.MAX_VALUE / 2), 0, 0,
            seed);
      }
      case "nsga2" -> {
        int pop = st.has("population") ? (int) integer("strategy.population", st.get("population"), 4, 1_000_000) : 0;
        int gen = st.has("generations") ? (int) integer("strategy.generations", st.get("generations"), 1, 100_000) : 0;
        if (pop == 0 || gen == 0) {
          throw error("strategy", "strategy 'nsga2' needs 'population: <n>' and 'generations: <n>'");
        }
        return new StrategySpec(kind, 0, pop, gen, seed);
      }
      default -> throw error("strategy.kind", "unknown strategy '" + kind
          + "'; use grid, random, latin_hypercube or nsga2");
    }
  }

  private DimSpec dimension(String field, JsonNode n) {
    if (n.isArray()) {
      if (n.isEmpty()) {
        throw error(field, "the list of values is empty; give at least one");
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        Object v = scalar(field + "[" + i + "]", n.get(i));
        if (values.contains(v)) {
          throw error(field + "[" + i + "]", "value " + v + " appears twice; list each value once");
        }
        values.add(v);
      }
      return new DimSpec.Values(values);
    }
    if (!n.isObject() || n.size() == 0) {
      throw error(field, "a dimension is a list of values, {range: [lo, hi], step: s}, "
          + "{powers_of_two: [lo, hi]} or {continuous: [lo, hi], grid_points: n}; got " + n);
    }
    keys(n, field, Set.of("values", "range", "step", "powers_of_two", "continuous", "grid_points"));
    if (n.has("values")) {
      keys(n, field, Set.of("values"));
      return dimension(field + ".values", n.get("values"));
    }
    if (n.has("range")) {
      keys(n, field, Set.of("range", "step"));
      long[] b = pair(field + ".range", n.get("range"));
      long step = n.has("step") ? integer(field + ".step", n.get("step"), 1, Long.MAX_VALUE) : 1;
      if (b[1] < b[0]) {
        throw error(field + ".range", "range [" + b[0] + ", " + b[1] + "] is empty; write [lo, hi] with lo ≤ hi");
      }
      if ((b[1] - b[0]) / step + 1 > MAX_VALUES) {
        throw error(field + ".range", "more than " + MAX_VALUES + " values; use a larger step");
      }
      return new DimSpec.Range(b[0], b[1], step);
    }
    if (n.has("powers_of_two")) {
      keys(n, field, Set.of("powers_of_two"));
      long[] b = pair(field + ".powers_of_two", n.get("powers_of_two"));
      if (Long.bitCount(b[0]) != 1 || Long.bitCount(b[1]) != 1 || b[1] < b[0]) {
        throw error(field + ".powers_of_two", "[" + b[0] + ", " + b[1] + "] must be two powers of two, lo ≤ hi,"
            + " e.g. [1, 64]");
      }
      return new DimSpec.PowersOfTwo(b[0], b[1]);
    }
    if (n.has("continuous")) {
      keys(n, field, Set.of("continuous", "grid_points"));
      JsonNode c = n.get("continuous");
      if (!c.isArray() || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
        throw error(field + ".continuous", "write [lo, hi] with two numbers, got " + c);
      }
      double lo = c.get(0).asDouble();
      double hi = c.get(1).asDouble();
      if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
        throw error(field + ".continuous", "[" + lo + ", " + hi + "] is not an interval; write [lo, hi], lo ≤ hi");
      }
      int points = n.has("grid_points") ? (int) integer(field + ".grid_points", n.get("grid_points"), 1, MAX_VALUES) : 5;
      return new DimSpec.Continuous(lo, hi, points);
    }
    throw error(field, "'step' or 'grid_points' alone is not a dimension; add range or continuous");
  }

  private long[] pair(String field, JsonNode n) {
    if (n == null || !n.isArray() || n.size() != 2) {
      throw error(field, "write [lo, hi] with two integers, got " + n);
    }
    return new long[] {integer(field + "[0]", n.get(0), Long.MIN_VALUE, Long.MAX_VALUE),
        integer(field + "[1]", n.get(1), Long.MIN_VALUE, Long.MAX_VALUE)};
  }

  private long integer(String field, JsonNode n, long min, long max) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(field, "expected an integer, got " + n);
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw error(field, "value " + v + " is out of range; use " + (max == Long.MAX_VALUE ? "at least " + min
          : min + " to " + max));
    }
    return v;
  }

  private Object scalar(String field, JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      return n.asText();
    }
    throw error(field, "expected a name or a number, got " + (n.isNull() ? "nothing" : n.toString()));
  }

  private List<String> strings(JsonNode root, String field) {
    List<String> out = new ArrayList<>();
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw error(field, "'" + field + "' is a list of expressions, e.g. ['tp <= gpus_per_node']");
    }
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw error(field + "[" + i + "]", "expected an expression in quotes, got " + n.get(i));
      }
      out.add(n.get(i).asText());
    }
    return out;
  }

  private String string(JsonNode n, String key, boolean required) {
    return string(n, key, key);
  }

  private String string(JsonNode n, String key, String field) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw error(field, "'" + field + "' is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(field, "expected text, got " + v);
    }
    return v.asText();
  }

  private void keys(JsonNode n, String field, Set<String> allowed) {
    if (!n.isObject()) {
      throw error(field, "expected a mapping, got " + n);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        String path = field.isEmpty() ? k : field + "." + k;
        var sugg = io.mlsysim.zoo.NameMatcher.suggest(k, allowed);
        throw error(path, "unknown key '" + k + "'" + (sugg.isEmpty() ? "" : "; did you mean '" + sugg.get(0) + "'?")
            + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** An error at a field: "file:line: field: message". */
  public StudySpecException error(String field, String message) {
    Integer line = lineOf(field);
    return new StudySpecException(origin + (line != null ? ":" + line : "") + ": " + field + ": " + message);
  }

  private Integer lineOf(String field) {
    String f = field;
    while (!f.isEmpty()) {
      Integer l = lines.get(f);
      if (l != null) {
        return l;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = cut < 0 ? "" : f.substring(0, cut);
    }
    return null;
  }

  /** Line of every key and list element, by dotted path ("space.tp", "constraints[1]"). */
  private static Map<String, Integer> lines(ObjectMapper yaml, String text) {
    Map<String, Integer> out = new HashMap<>();
    try (JsonParser p = yaml.createParser(text)) {
      Deque<String> paths = new ArrayDeque<>();
      Deque<int[]> index = new ArrayDeque<>(); // {next index} for arrays, {-1} for objects
      String field = "";
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          field = (paths.isEmpty() || paths.peek().isEmpty() ? "" : paths.peek() + ".") + p.currentName();
          out.putIfAbsent(field, line);
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          paths.pop();
          index.pop();
          continue;
        }
        String here = field;
        if (!index.isEmpty() && index.peek()[0] >= 0) {
          here = paths.peek() + "[" + index.peek()[0]++ + "]";
          out.putIfAbsent(here, line);
        } else if (index.isEmpty()) {
          here = "";
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          paths.push(here);
          index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
        }
      }
    } catch (IOException e) {
      // the text parsed once already; lines only decorate messages
    }
    return out;
  }

  public String origin() {
    return origin;
  }

  public String text() {
    return text;
  }

  /** SHA-256 of the spec text, hex. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<String> pipeline() {
    return List.copyOf(pipeline);
  }

  public Map<String, Object> fixed() {
    return java.util.Collections.unmodifiableMap(fixed);
  }

  public Map<String, DimSpec> space() {
    return java.util.Collections.unmodifiableMap(space);
  }

  public List<String> conditions() {
    return List.copyOf(conditions);
  }

  public List<String> constraints() {
    return List.copyOf(constraints);
  }

  public List<Objective> objectives() {
    return List.copyOf(objectives);
  }

  public StrategySpec strategy() {
    return strategy;
  }

  /** Output location from the spec, or null (the caller's default). */
  public String outputPath() {
    return outputPath;
  }

  /** Spark partitions requested, 0 = let the runner choose. */
  public int partitions() {
    return partitions;
  }
}
