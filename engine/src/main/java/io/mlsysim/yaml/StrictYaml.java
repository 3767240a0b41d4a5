package io.mlsysim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlsysim.text.NameMatcher;

/**
 * The one way the engine reads user YAML (zoo overlays, plans, studies): snake_case fields,
 * unknown fields and duplicate keys refused, and errors that start with "file:line:".
 */
public final class StrictYaml {
  private static final ObjectMapper MAPPER = build();

  private StrictYaml() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    YAMLFactory f = YAMLFactory.builder().build();
    f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    ObjectMapper m = new ObjectMapper(f);
    m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // "batch: 1.5" is an error, not 1
    m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    return m;
  }

  /** "file:12: " for a location, "file: " without one. */
  public static String where(String origin, JsonLocation loc) {
    return origin + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "") + ": ";
  }

  /** A one-line message for a parse or binding error, without Jackson's source dump and class names. */
  public static String message(String origin, JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return where(origin, u.getLocation()) + unknownField(u);
    }
    String m = e.getOriginalMessage();
    if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException) {
      return where(origin, e.getLocation()) + "YAML syntax: " + yamlProblem(m);
    }
    if (m.startsWith("Duplicate field")) {
      m = "duplicate key " + m.substring("Duplicate field ".length()).trim();
    }
    m = m.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1").trim();
    int cut = m.indexOf("\n");
    return where(origin, e.getLocation()) + (cut > 0 ? m.substring(0, cut) : m);
  }

  /**
   * One line for a YAML syntax error: "file:line:column: YAML syntax: what was found; what was
   * expected", without the parser's source excerpt and caret. A tab gets its own plain advice,
   * since YAML forbids tabs for indentation and the parser's wording does not say so.
   */
  public static String syntax(String origin, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? -1 : loc.getLineNr();
    int column = loc == null ? -1 : loc.getColumnNr();
    String m = e.getOriginalMessage() == null ? String.valueOf(e) : e.getOriginalMessage();
    String what;
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
      // SnakeYAML's own marks: the problem where it is, not where Jackson's token began.
      line = y.getProblemMark().getLine() + 1;
      column = y.getProblemMark().getColumn() + 1;
      what = y.getProblem().trim();
      var c = y.getContextMark();
      if (y.getContext() != null && c != null && c.getLine() + 1 != line) {
        what += " (" + y.getContext().trim() + " that starts at line " + (c.getLine() + 1) + ", column "
            + (c.getColumn() + 1) + ")";
      }
    } else if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException) {
      what = yamlProblem(m);
    } else {
      int cut = m.indexOf('\n');
      what = (cut > 0 ? m.substring(0, cut) : m).trim();
    }
    if (what.contains("\\t(TAB)")) {
      what = "a tab character; YAML indents with spaces only, replace the tab with spaces";
    }
    return origin + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": YAML syntax: " + what;
  }

  /** "unknown field 'bacth' in ops; did you mean 'batch'? (allowed: …)". */
  public static String unknownField(UnrecognizedPropertyException u) {
    java.util.TreeSet<String> allowed = new java.util.TreeSet<>();
    u.getKnownPropertyIds().forEach(id -> allowed.add(String.valueOf(id)));
    String k = u.getPropertyName();
    String at = path(u);
    String parent = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "";
    var near = NameMatcher.suggest(k, allowed);
    return "unknown field '" + k + "' " + (parent.isEmpty() ? "at the top level" : "in " + parent)
        + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " (allowed fields: "
        + String.join(", ", allowed) + ")";
  }

  /** SnakeYAML's "while parsing X … expected Y" without the source excerpts. */
  private static String yamlProblem(String m) {
    StringBuilder sb = new StringBuilder();
    for (String line : m.split("\n")) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("in 'reader'") && !t.equals("^") && !line.startsWith("    ")) {
        sb.append(sb.length() == 0 ? "" : ": ").append(t);
      }
    }
    return sb.toString();
  }

  /** The dotted path of a binding error ("space.tp.range", "objectives[1]"), "" at the top. */
  public static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
