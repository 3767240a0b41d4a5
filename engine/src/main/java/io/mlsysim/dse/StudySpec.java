package io.mlsysim.dse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A study as written in {@code configs/studies/*.yaml}, parsed strictly: unknown keys, duplicate
 * keys, wrong types and impossible ranges are refused with the file, line, field, value and a
 * fix. Names of zoo entries and result fields are checked later, by {@link StudyPlan#compile}.
 * The file binds to {@link StudyFile}, from which {@code mlsysim schema study} generates the JSON Schema.
 */
public final class StudySpec {
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
  String catalog;

  private StudySpec(String origin, String text, Map<String, Integer> lines) {
    this.origin = origin;
    this.text = text;
    this.lines = lines;
  }

  /**
   * Largest study file read. A study is a few dozen lines and its whole text is stored with every
   * run; a file far larger is a mistake (a data file, a log), refused before it is parsed.
   */
  public static final long MAX_FILE_BYTES = 1 << 20;

  public static StudySpec read(Path file) {
    String text;
    try {
      text = io.mlsysim.text.UserFiles.read(file, "study file", MAX_FILE_BYTES,
          "a study is a few dozen lines, and its text is stored with every run");
    } catch (IllegalArgumentException e) {
      throw new StudySpecException(e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses spec text; {@code origin} names it in messages (a file path). */
  public static StudySpec parse(String origin, String text) {
    ObjectMapper yaml = io.mlsysim.yaml.StrictYaml.mapper(); // duplicate keys refused, like every reader
    JsonNode root;
    try (JsonParser p = yaml.createParser(text)) {
      root = yaml.readTree(p);
      // A second document ("---") would be silently ignored; one file is one study.
      if (p.nextToken() != null) {
        throw new StudySpecException(origin + ":" + separatorLine(text, p.currentTokenLocation().getLineNr())
            + ": a second YAML document starts here ('---'); a study file holds exactly one study, "
            + "put each study in its own file");
      }
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      if (m.startsWith("Duplicate field")) {
        throw new StudySpecException(io.mlsysim.yaml.StrictYaml.where(origin, e.getLocation()) + "duplicate key "
            + m.substring("Duplicate field ".length()).trim() + "; each key may appear once");
      }
      if (m.startsWith("Malformed numeric value '.") || m.startsWith("Malformed numeric value '-.")
          || m.startsWith("Malformed numeric value '+.")) { // YAML's .inf and .nan
        String v = m.substring("Malformed numeric value ".length()).trim();
        throw new StudySpecException(io.mlsysim.yaml.StrictYaml.where(origin, e.getLocation()) + "value " + v
            + " is not a finite number; write an ordinary number, e.g. 0.5");
      }
      throw new StudySpecException(io.mlsysim.yaml.StrictYaml.syntax(origin, e));
    } catch (IOException e) {
      throw new StudySpecException(origin + ": cannot read the study (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new StudySpecException(origin + ": a study is a mapping with name, pipeline, space, objectives …");
    }
    StudySpec s = new StudySpec(origin, text, lines(yaml, text));
    StudyFile file;
    try {
      file = yaml.treeToValue(root, StudyFile.class);
    } catch (JsonMappingException e) {
      throw s.bindingError(e, root);
    } catch (JsonProcessingException e) {
      throw new StudySpecException(origin + ": " + e.getOriginalMessage());
    }
    s.read(file, root);
    return s;
  }

  /** The line of the '---' that opens the document whose first token is on {@code tokenLine}. */
  private static int separatorLine(String text, int tokenLine) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.min(tokenLine, lines.length) - 1; i >= 0; i--) {
      if (lines[i].startsWith("---")) {
        return i + 1;
      }
    }
    return tokenLine;
  }

  private void read(StudyFile f, JsonNode root) {
    name = text(f.name, "name");
    if (!NAME.matcher(name).matches()) {
      throw error("name", "'" + name + "' is not a study name; use lower-case letters, digits, '_' and '-'"
          + " (it names directories and partitions)");
    }
    description = f.description == null ? "" : f.description;
    if (f.pipeline == null || f.pipeline.isEmpty()) {
      throw error("pipeline", "'pipeline' is required: the names of the model pipeline, e.g. [DistributedModel]");
    }
    for (int i = 0; i < f.pipeline.size(); i++) {
      pipeline.add(text(f.pipeline.get(i), "pipeline[" + i + "]"));
    }
    if (f.fixed != null) {
      f.fixed.forEach((k, v) -> fixed.put(k, scalar("fixed." + k, v)));
    }
    if (f.space == null || f.space.isEmpty()) {
      throw error("space", "'space' is required: a mapping of decision variable to its values, e.g. "
          + "{hardware: [H100, A100], tp: {powers_of_two: [1, 8]}}");
    }
    f.space.forEach((k, d) -> {
      if (fixed.containsKey(k)) {
        throw error("space." + k, "'" + k + "' is both fixed and in the space; keep one");
      }
      space.put(k, dimension("space." + k, d));
    });
    conditions = texts(f.conditions, "conditions");
    constraints = texts(f.constraints, "constraints");
    if (f.objectives == null || f.objectives.isEmpty()) {
      throw error("objectives", "'objectives' is required: a list like [{minimize: step_time_s}, {minimize: cost_usd}]");
    }
    for (int i = 0; i < f.objectives.size(); i++) {
      StudyFile.Objective o = f.objectives.get(i);
      if (o == null || (o.minimize == null) == (o.maximize == null)) {
        throw error("objectives[" + i + "]", "an objective is " + OBJECTIVE_FORM + ", got " + root.at("/objectives/" + i));
      }
      boolean max = o.maximize != null;
      objectives.add(new Objective(text(max ? o.maximize : o.minimize, "objectives[" + i + "]"), max));
    }
    if (f.strategy != null) {
      strategy = strategy(f.strategy);
    }
    if (f.output != null) {
      outputPath = f.output.path;
      partitions = f.output.partitions == null ? 0 : (int) integer("output.partitions", f.output.partitions, 1, 100_000);
      if (f.output.catalog != null && !isCatalogName(f.output.catalog)) {
        throw error("output.catalog", "'" + f.output.catalog + "' is not a database name; " + CATALOG_NAME_RULE);
      }
      catalog = f.output.catalog;
    }
  }

  private static final String OBJECTIVE_FORM = "{minimize: <result field>} or {maximize: <result field>}";
  private static final String DIMENSION_FORMS = "a list of values, {range: [lo, hi], step: s}, "
      + "{powers_of_two: [lo, hi]} or {continuous: [lo, hi], grid_points: n}";

  private StrategySpec strategy(StudyFile.Strategy st) {
    String kind = text(st.kind, "strategy.kind");
    long seed = st.seed == null ? 42 : st.seed;
    switch (kind) {
      case "grid" -> {
        Map<String, Long> notForGrid = new LinkedHashMap<>();
        notForGrid.put("samples", st.samples);
        notForGrid.put("population", st.population);
        notForGrid.put("generations", st.generations);
        for (var e : notForGrid.entrySet()) {
          if (e.getValue() != null) {
            throw error("strategy." + e.getKey(), "a grid visits every point; '" + e.getKey()
                + "' applies to random, latin_hypercube or nsga2");
          }
        }
        return new StrategySpec(kind, 0, 0, 0, 0);
      }
      case "random", "latin_hypercube" -> {
        if (st.samples == null) {
          throw error("strategy", "strategy '" + kind + "' needs 'samples: <n>'");
        }
        return new StrategySpec(kind, integer("strategy.samples", st.samples, 1, Long.MAX_VALUE / 2), 0, 0, seed);
      }
      case "nsga2" -> {
        if (st.population == null || st.generations == null) {
          throw error("strategy", "strategy 'nsga2' needs 'population: <n>' and 'generations: <n>'");
        }
        int pop = (int) integer("strategy.population", st.population, 4, 1_000_000);
        int gen = (int) integer("strategy.generations", st.generations, 1, 100_000);
        return new StrategySpec(kind, 0, pop, gen, seed);
      }
      default -> throw error("strategy.kind", "unknown strategy '" + kind
          + "'; use grid, random, latin_hypercube or nsga2");
    }
  }

  private DimSpec dimension(String field, StudyFile.Dimension d) {
    if (d == null) {
      throw error(field, "no values; write " + DIMENSION_FORMS);
    }
    if (d.list != null) {
      return values(field, d.list);
    }
    if (d.form instanceof StudyFile.ValuesForm v) {
      if (v.values == null) {
        throw error(field + ".values", "write the values as a list, e.g. [1, 2, 4]");
      }
      return values(field + ".values", v.values);
    }
    if (d.form instanceof StudyFile.RangeForm r) {
      if (r.range == null) {
        throw error(field, "'step' alone is not a dimension; add range: [lo, hi]");
      }
      long[] b = pair(field + ".range", r.range);
      long step = r.step == null ? 1 : integer(field + ".step", r.step, 1, Long.MAX_VALUE);
      if (b[1] < b[0]) {
        throw error(field + ".range", "range [" + b[0] + ", " + b[1] + "] is empty; write [lo, hi] with lo ≤ hi");
      }
      if ((b[1] - b[0]) / step + 1 > MAX_VALUES) {
        throw error(field + ".range", "more than " + MAX_VALUES + " values; use a larger step");
      }
      return new DimSpec.Range(b[0], b[1], step);
    }
    if (d.form instanceof StudyFile.PowersOfTwoForm p) {
      long[] b = pair(field + ".powers_of_two", p.powersOfTwo);
      if (Long.bitCount(b[0]) != 1 || Long.bitCount(b[1]) != 1 || b[1] < b[0]) {
        throw error(field + ".powers_of_two", "[" + b[0] + ", " + b[1] + "] must be two powers of two, lo ≤ hi,"
            + " e.g. [1, 64]");
      }
      return new DimSpec.PowersOfTwo(b[0], b[1]);
    }
    if (d.form instanceof StudyFile.ContinuousForm c) {
      if (c.continuous == null) {
        throw error(field, "'grid_points' alone is not a dimension; add continuous: [lo, hi]");
      }
      if (c.continuous.size() != 2 || c.continuous.contains(null)) {
        throw error(field + ".continuous", "write [lo, hi] with two numbers, got " + c.continuous);
      }
      double lo = c.continuous.get(0);
      double hi = c.continuous.get(1);
      if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
        throw error(field + ".continuous", "[" + lo + ", " + hi + "] is not an interval; write [lo, hi], lo ≤ hi");
      }
      int points = c.gridPoints == null ? 5 : (int) integer(field + ".grid_points", c.gridPoints, 1, MAX_VALUES);
      return new DimSpec.Continuous(lo, hi, points);
    }
    if (d.other.isObject() && !d.other.isEmpty()) {
      String k = d.other.fieldNames().next();
      var sugg = io.mlsysim.text.NameMatcher.suggest(k, DIMENSION_KEYS);
      throw error(field + "." + k, "unknown field '" + k + "'" + (sugg.isEmpty() ? "" : "; did you mean '" + sugg.get(0)
          + "'?") + "; a dimension is " + DIMENSION_FORMS);
    }
    throw error(field, "a dimension is " + DIMENSION_FORMS + "; got " + (d.other.isValueNode()
        ? d.other + " (a single value belongs in 'fixed', or write [" + d.other + "])" : d.other));
  }

  private static final Set<String> DIMENSION_KEYS = Set.of("values", "range", "step", "powers_of_two", "continuous",
      "grid_points");

  private DimSpec values(String field, List<StudyFile.Value> given) {
    if (given.isEmpty()) {
      throw error(field, "the list of values is empty; give at least one");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Object v = scalar(field + "[" + i + "]", given.get(i));
      if (values.contains(v)) {
        throw error(field + "[" + i + "]", "value " + v + " appears twice; list each value once");
      }
      values.add(v);
    }
    return new DimSpec.Values(values);
  }

  private long[] pair(String field, List<Long> n) {
    if (n == null || n.size() != 2 || n.contains(null)) {
      throw error(field, "write [lo, hi] with two integers, got " + n);
    }
    return new long[] {n.get(0), n.get(1)};
  }

  private long integer(String field, long v, long min, long max) {
    if (v < min || v > max) {
      throw error(field, "value " + v + " is out of range; use " + (max == Long.MAX_VALUE ? "at least " + min
          : min + " to " + max));
    }
    return v;
  }

  private Object scalar(String field, StudyFile.Value value) {
    Object v = value == null ? null : value.value;
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) { // 1e400 overflows to ∞; .inf and .nan are YAML's own spellings
        throw error(field, "value " + d + " is not a finite number (a number too large for a double, .inf or"
            + " .nan); write an ordinary number, e.g. 0.5");
      }
      return d;
    }
    if (v instanceof String t) {
      return t;
    }
    if (v instanceof Boolean b) {
      return b; // a flag; StudyPlan refuses it for any other input
    }
    throw error(field, "expected a name or a number, got " + (v == null ? "nothing" : v));
  }

  private List<String> texts(List<String> given, String field) {
    List<String> out = new ArrayList<>();
    if (given != null) {
      for (int i = 0; i < given.size(); i++) {
        out.add(text(given.get(i), field + "[" + i + "]"));
      }
    }
    return out;
  }

  private String text(String v, String field) {
    if (v == null) {
      throw error(field, "'" + field + "' is required");
    }
    if (v.isBlank()) {
      throw error(field, "'" + field + "' is empty; write a name or an expression");
    }
    return v;
  }

  /** A binding error from Jackson, said as "file:line: field: what was expected, what was found". */
  private StudySpecException bindingError(JsonMappingException e, JsonNode root) {
    String field = io.mlsysim.yaml.StrictYaml.path(e);
    if (e instanceof UnrecognizedPropertyException u) {
      return error(field, io.mlsysim.yaml.StrictYaml.unknownField(u));
    }
    JsonNode found = root.at(pointer(e));
    String got = found.isMissingNode() ? "" : ", got " + (found.isNull() ? "nothing" : found.toString());
    Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    return error(field.isEmpty() ? "study" : field, "expected " + expected(type) + got);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Long.class || type == long.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == Double.class) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == StudyFile.Objective.class) {
      return OBJECTIVE_FORM;
    }
    if (type == StudyFile.Strategy.class) {
      return "a mapping like {kind: random, samples: 1000}";
    }
    if (type == StudyFile.Output.class) {
      return "a mapping like {path: out/study, partitions: 8, catalog: studies}";
    }
    return "a mapping";
  }

  private static com.fasterxml.jackson.core.JsonPointer pointer(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        sb.append('/').append(ref.getIndex());
      }
    }
    return com.fasterxml.jackson.core.JsonPointer.compile(sb.toString());
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
    return io.mlsysim.text.Sha256.hex(text);
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

  /** How a catalog database may be named, said to whoever named one otherwise. */
  public static final String CATALOG_NAME_RULE = "use letters, digits and '_', starting with a letter or '_', "
      + "e.g. studies";

  /** A database name of a Spark catalog that needs no quoting: letters, digits and '_', not starting with a digit. */
  public static boolean isCatalogName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}");
  }

  /** The catalog database to register the tables in, or null. */
  public String catalog() {
    return catalog;
  }

  /** Spark partitions requested, 0 = let the runner choose. */
  public int partitions() {
    return partitions;
  }
}
