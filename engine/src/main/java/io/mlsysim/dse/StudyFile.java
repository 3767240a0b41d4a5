package io.mlsysim.dse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlsysim.yaml.OneKey;
import io.mlsysim.yaml.Pair;
import io.mlsysim.yaml.WrittenAs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML form of a study, as Jackson binds it. {@link StudySpec} reads a study file into this
 * type and then checks what types cannot say (ranges, names, one of minimize/maximize); the JSON
 * Schema that {@code mlsysim schema study} prints is generated from this type, so the reader and
 * the schema cannot disagree on a key.
 */
public class StudyFile {
  @JsonProperty(required = true)
  @JsonPropertyDescription("Study name: lower-case letters, digits, '_' and '-'; it names output directories and partitions.")
  public String name;

  @JsonPropertyDescription("One line on what the study asks.")
  public String description;

  @JsonProperty(required = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonPropertyDescription("The resolvers evaluated in order for every candidate, e.g. [DistributedModel, EconomicsModel].")
  public List<String> pipeline;

  @JsonPropertyDescription("Inputs held at one value for every candidate, e.g. {workload: Llama3_70B, seq_len: 4096}.")
  public Map<String, Value> fixed = new LinkedHashMap<>();

  @JsonProperty(required = true)
  @JsonPropertyDescription("Decision variables and the values each may take.")
  public Map<String, Dimension> space = new LinkedHashMap<>();

  @JsonPropertyDescription("Expressions a candidate must satisfy to be evaluated at all, e.g. 'tp * pp divides gpus'.")
  public List<String> conditions = new ArrayList<>();

  @JsonPropertyDescription("Expressions on results a candidate must satisfy to count as OK, e.g. 'step_latency_s <= 250 ms'.")
  public List<String> constraints = new ArrayList<>();

  @JsonProperty(required = true)
  @JsonPropertyDescription("Result fields to minimize or maximize; two or more give a Pareto frontier.")
  public List<Objective> objectives = new ArrayList<>();

  @JsonPropertyDescription("How candidates are chosen from the space; a full grid when absent.")
  public Strategy strategy;

  @JsonPropertyDescription("Where and how results are written.")
  public Output output;

  /** A name, a number or a flag: a zoo entry, a precision, a degree, an efficiency, true/false. */
  @WrittenAs({String.class, Double.class, Boolean.class})
  public static final class Value {
    final Object value;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    Value(Object value) {
      this.value = value;
    }
  }

  /** One decision variable: a list of values, or one of the range forms. */
  @WrittenAs({Value[].class, ValuesForm.class, RangeForm.class, PowersOfTwoForm.class, ContinuousForm.class})
  @JsonDeserialize(using = DimensionReader.class)
  public static final class Dimension {
    /** The list form, or null. */
    final List<Value> list;
    /** The mapping form (one of the *Form classes), or null. */
    final Object form;
    /** What was written when it was neither, for the error message. */
    final JsonNode other;

    Dimension(List<Value> list, Object form, JsonNode other) {
      this.list = list;
      this.form = form;
      this.other = other;
    }
  }

  /** {@code {values: [...]}}: the list form, spelled out. */
  public static class ValuesForm {
    @JsonProperty(required = true)
    public List<Value> values;
  }

  /** {@code {range: [lo, hi], step: s}}: integers lo, lo+s, … up to hi. */
  public static class RangeForm {
    @JsonProperty(required = true)
    @Pair
    @JsonPropertyDescription("[lo, hi], both included.")
    public List<Long> range;

    @JsonPropertyDescription("Distance between values; 1 when absent.")
    public Long step;
  }

  /** {@code {powers_of_two: [lo, hi]}}: lo, 2·lo, … up to hi. */
  public static class PowersOfTwoForm {
    @JsonProperty(required = true)
    @Pair
    @JsonPropertyDescription("[lo, hi], both powers of two.")
    public List<Long> powersOfTwo;
  }

  /** {@code {continuous: [lo, hi], grid_points: n}}: a real interval. */
  public static class ContinuousForm {
    @JsonProperty(required = true)
    @Pair
    @JsonPropertyDescription("[lo, hi]; random and Latin-hypercube sampling draw from it.")
    public List<Double> continuous;

    @JsonPropertyDescription("Points a grid visits, ends included; 5 when absent.")
    public Long gridPoints;
  }

  /** {@code {minimize: field}} or {@code {maximize: field}}. */
  @OneKey
  public static class Objective {
    public String minimize;
    public String maximize;
  }

  /** The strategy block. */
  public static class Strategy {
    @JsonProperty(required = true)
    @JsonPropertyDescription("grid, random, latin_hypercube or nsga2.")
    public String kind;

    @JsonPropertyDescription("Candidates drawn by random and latin_hypercube.")
    public Long samples;

    @JsonPropertyDescription("NSGA-II population size.")
    public Long population;

    @JsonPropertyDescription("NSGA-II generations.")
    public Long generations;

    @JsonPropertyDescription("Seed of every random choice; 42 when absent.")
    public Long seed;
  }

  /** The output block. */
  public static class Output {
    @JsonPropertyDescription("Directory of the study's tables; the command line's --out wins.")
    public String path;

    @JsonPropertyDescription("Spark partitions for evaluation; chosen from the cluster when absent.")
    public Long partitions;

    @JsonPropertyDescription("Database of the Spark session catalog to register the tables and their committed "
        + "views in (a Hive metastore or Unity Catalog on a cluster); the command line's --catalog wins.")
    public String catalog;
  }

  /**
   * Chooses the dimension form by its shape: a list, or a mapping whose first key names the form.
   * Anything else is kept as text so the reader can say what was expected at the right line.
   */
  static final class DimensionReader extends JsonDeserializer<Dimension> {
    private static final Map<String, Class<?>> FORMS = Map.of("values", ValuesForm.class, "range", RangeForm.class,
        "step", RangeForm.class, "powers_of_two", PowersOfTwoForm.class, "continuous", ContinuousForm.class,
        "grid_points", ContinuousForm.class);

    @Override
    public Dimension deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.START_ARRAY) {
        List<Value> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(ctxt.readValue(p, Value.class));
        }
        return new Dimension(list, null, null);
      }
      JsonNode tree = ctxt.readTree(p);
      if (tree.isObject() && !tree.isEmpty()) {
        Class<?> form = null;
        for (String key : List.of("values", "range", "powers_of_two", "continuous", "step", "grid_points")) {
          if (tree.has(key)) {
            form = FORMS.get(key);
            break;
          }
        }
        if (form != null) {
          return new Dimension(null, ctxt.readTreeAsValue(tree, form), null);
        }
      }
      return new Dimension(null, null, tree);
    }
  }
}
