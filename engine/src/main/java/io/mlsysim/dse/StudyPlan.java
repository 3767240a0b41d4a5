package io.mlsysim.dse;

import io.mlsysim.hardware.Precision;
import io.mlsysim.zoo.UnknownEntryException;
import io.mlsysim.zoo.Zoo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A study compiled for execution: the search space with canonical values, the strategy, the
 * bound evaluator, and conditions, constraints and objectives parsed into slot predicates.
 * Serializable, so a Spark driver broadcasts it once; {@link #evaluate} is the per-candidate
 * work of an executor and allocates nothing on the success path.
 */
public final class StudyPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String specText;
  private final String specSha256;
  private final String origin;
  private final String evaluatorName;
  private final String evaluatorVersion;
  private final SearchSpace space;
  private final Strategy strategy;
  private final StudySpec.StrategySpec strategySpec;
  private final CandidateEvaluator evaluator;
  private final List<ResultField> results;
  private final Expr.Predicate[] conditions;
  private final Expr.Parsed[] constraints;
  private final int[] objectiveSlots;
  private final boolean[] maximize;
  private final List<String> objectiveNames;
  private final List<SourceRow> sources;
  private final String outputPath;
  private final int partitions;
  private final String catalog;

  private StudyPlan(StudySpec spec, StudyEvaluatorFactory factory, SearchSpace space, Strategy strategy,
      CandidateEvaluator evaluator, Expr.Predicate[] conditions, Expr.Parsed[] constraints, int[] objectiveSlots,
      boolean[] maximize, List<String> objectiveNames, List<SourceRow> sources) {
    this.name = spec.name();
    this.specText = spec.text();
    this.specSha256 = spec.sha256();
    this.origin = spec.origin();
    this.evaluatorName = factory.name();
    this.evaluatorVersion = factory.version();
    this.space = space;
    this.strategy = strategy;
    this.strategySpec = spec.strategy();
    this.evaluator = evaluator;
    this.results = List.copyOf(factory.results());
    this.conditions = conditions;
    this.constraints = constraints;
    this.objectiveSlots = objectiveSlots;
    this.maximize = maximize;
    this.objectiveNames = List.copyOf(objectiveNames);
    this.sources = List.copyOf(sources);
    this.outputPath = spec.outputPath();
    this.partitions = spec.partitions();
    this.catalog = spec.catalog();
  }

  /** The evaluator factories on the classpath, by name. */
  public static Map<String, StudyEvaluatorFactory> evaluators() {
    Map<String, StudyEvaluatorFactory> m = new java.util.TreeMap<>();
    try {
      for (StudyEvaluatorFactory f : ServiceLoader.load(StudyEvaluatorFactory.class)) {
        m.put(f.name(), f);
      }
    } catch (java.util.ServiceConfigurationError e) {
      throw new StudySpecException("a study pipeline plugin on the classpath cannot be loaded: " + e.getMessage());
    }
    return m;
  }

  /** Compiles with the evaluators found on the classpath. */
  public static StudyPlan compile(StudySpec spec, Zoo zoo) {
    return compile(spec, zoo, evaluators());
  }

  /** Checks every name against the evaluator and the zoo, and compiles. */
  public static StudyPlan compile(StudySpec spec, Zoo zoo, Map<String, StudyEvaluatorFactory> factories) {
    StudyEvaluatorFactory factory = spec.pipeline().size() == 1 ? factories.get(spec.pipeline().get(0)) : null;
    String pname = String.join(", ", spec.pipeline());
    if (factory == null) {
      var resolverFactory = io.mlsysim.core.plugin.ResolverFactory.standard();
      var available = resolverFactory.listAvailable();
      for (int i = 0; i < spec.pipeline().size(); i++) {
        String n = spec.pipeline().get(i);
        if (!available.containsKey(n) && available.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(n))) {
          var broken = resolverFactory.brokenProvider(n);
          if (broken != null) { // a plugin that failed to load is not a typo: say why it failed
            throw spec.error("pipeline[" + i + "]", "resolver '" + n + "' could not be loaded: " + broken);
          }
          java.util.Set<String> all = new java.util.TreeSet<>(factories.keySet());
          all.addAll(available.keySet());
          var sugg = io.mlsysim.text.NameMatcher.suggest(n, all);
          throw spec.error("pipeline[" + i + "]", "unknown pipeline or resolver '" + n + "'"
              + (sugg.isEmpty() ? "" : "; did you mean '" + sugg.get(0) + "'?") + " (study pipelines: "
              + String.join(", ", factories.keySet()) + "; resolvers: " + String.join(", ", available.keySet()) + ")");
        }
      }
      try {
        factory = ResolverStudy.of(spec.pipeline());
      } catch (StudySpecException e) {
        throw spec.error("pipeline", e.getMessage());
      } catch (RuntimeException e) {
        throw spec.error("pipeline", "the resolvers do not form a pipeline: " + e.getMessage());
      }
    }
    Map<String, InputDecl> inputs = new java.util.LinkedHashMap<>();
    factory.inputs().forEach(i -> inputs.put(i.name(), i));
    for (String n : concat(spec.fixed().keySet(), spec.space().keySet())) {
      if (!inputs.containsKey(n)) {
        var sugg = io.mlsysim.text.NameMatcher.suggest(n, inputs.keySet());
        String where = spec.fixed().containsKey(n) ? "fixed." + n : "space." + n;
        throw spec.error(where, "pipeline '" + pname + "' has no input '" + n + "'"
            + (sugg.isEmpty() ? "" : "; did you mean '" + sugg.get(0) + "'?")
            + " (inputs: " + String.join(", ", inputs.keySet()) + ")");
      }
    }
    List<Dimension> dims = new ArrayList<>();
    for (InputDecl in : inputs.values()) {
      String n = in.name();
      if (spec.space().containsKey(n)) {
        dims.add(dimension(spec, "space." + n, in, spec.space().get(n), zoo, factory));
      } else {
        Object v = spec.fixed().containsKey(n) ? spec.fixed().get(n) : in.defaultValue();
        if (v == null && in.optional()) {
          continue; // its default means "none": the pipeline's own default applies, no column
        }
        if (v == null) {
          throw spec.error("space", "pipeline '" + pname + "' needs input '" + n + "' (" + in.description()
              + "); add it to 'fixed' or 'space'");
        }
        String field = spec.fixed().containsKey(n) ? "fixed." + n : "space";
        dims.add(dimension(spec, field, in, new StudySpec.DimSpec.Values(List.of(v)), zoo, factory));
      }
    }
    SearchSpace space = new SearchSpace(dims);
    Strategy strategy = switch (spec.strategy().kind()) {
      case "random" -> Strategy.random(space, spec.strategy().samples(), spec.strategy().seed());
      case "latin_hypercube" -> Strategy.latinHypercube(space, spec.strategy().samples(), spec.strategy().seed());
      case "nsga2" -> {
        if (spec.objectives().size() < 2) {
          throw spec.error("objectives", "nsga2 searches a trade-off and needs at least two objectives; "
              + "with one, use grid, random or latin_hypercube");
        }
        try {
          space.size();
        } catch (StudySpecException e) {
          throw spec.error("space", e.getMessage() + " (nsga2 searches the grid of the space)");
        }
        yield null;
      }
      default -> {
        try {
          space.size();
        } catch (StudySpecException e) {
          throw spec.error("space", e.getMessage());
        }
        yield Strategy.grid(space);
      }
    };
    CandidateEvaluator evaluator;
    try {
      evaluator = factory.bind(space, zoo);
    } catch (StudySpecException e) {
      throw spec.error("space", e.getMessage());
    }
    Set<String> attributes = new LinkedHashSet<>(factory.attributes());
    Expr.Scope conditionScope = scope(space, evaluator, attributes, null);
    List<Expr.Predicate> conditions = new ArrayList<>();
    for (int i = 0; i < spec.conditions().size(); i++) {
      conditions.add(Expr.parse(where(spec, "conditions[" + i + "]"), spec.conditions().get(i), conditionScope)
          .predicate());
    }
    Expr.Scope constraintScope = scope(space, evaluator, attributes, factory.results());
    List<Expr.Parsed> constraints = new ArrayList<>();
    for (int i = 0; i < spec.constraints().size(); i++) {
      constraints.add(Expr.parse(where(spec, "constraints[" + i + "]"), spec.constraints().get(i), constraintScope));
    }
    List<String> resultNames = factory.results().stream().map(ResultField::name).toList();
    int[] slots = new int[spec.objectives().size()];
    boolean[] max = new boolean[slots.length];
    List<String> objNames = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      StudySpec.Objective o = spec.objectives().get(i);
      slots[i] = resultNames.indexOf(o.field());
      if (slots[i] < 0) {
        var sugg = io.mlsysim.text.NameMatcher.suggest(o.field(), resultNames);
        throw spec.error("objectives[" + i + "]", "'" + o.field() + "' is not a result of pipeline '" + pname + "'"
            + (sugg.isEmpty() ? "" : "; did you mean '" + sugg.get(0) + "'?") + " (results: "
            + String.join(", ", resultNames) + ")");
      }
      if (objNames.contains(o.field())) {
        throw spec.error("objectives[" + i + "]", "'" + o.field() + "' is already an objective");
      }
      max[i] = o.maximize();
      objNames.add(o.field());
    }
    return new StudyPlan(spec, factory, space, strategy, evaluator, conditions.toArray(new Expr.Predicate[0]),
        constraints.toArray(new Expr.Parsed[0]), slots, max, objNames, factory.sources(space, zoo));
  }

  private static String where(StudySpec spec, String field) {
    String m = spec.error(field, "").getMessage();
    return m.substring(0, m.length() - 2);
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Expr.Scope scope(SearchSpace space, CandidateEvaluator evaluator, Set<String> attributes,
      List<ResultField> results) {
    return new Expr.Scope() {
      @Override
      public Expr.Operand resolve(String n) {
        int d = space.indexOf(n);
        if (d >= 0) {
          return (c, r) -> c.value[d];
        }
        if (results != null) {
          if (n.equals("feasible")) {
            return (c, r) -> 1; // infeasible candidates never reach constraints
          }
          for (int i = 0; i < results.size(); i++) {
            if (results.get(i).name().equals(n)) {
              int slot = i;
              return (c, r) -> r[slot];
            }
          }
        }
        return attributes.contains(n) ? evaluator.attribute(n) : null;
      }

      /** A result column's kind, from the canonical unit it is stored in. */
      @Override
      public io.mlsysim.units.QuantityKind kindOf(String n) {
        if (results != null) {
          for (ResultField r : results) {
            if (r.name().equals(n) && !r.unit().isEmpty()) {
              for (io.mlsysim.units.QuantityKind k : io.mlsysim.units.QuantityKind.values()) {
                if (k.canonicalSymbol().equals(r.unit())) {
                  return k;
                }
              }
            }
          }
        }
        return null;
      }

      @Override
      public Collection<String> names() {
        List<String> out = new ArrayList<>();
        space.dimensions().forEach(d -> out.add(d.name()));
        out.addAll(attributes);
        if (results != null) {
          out.add("feasible");
          results.forEach(r -> out.add(r.name()));
        }
        return out;
      }
    };
  }

  private static Dimension dimension(StudySpec spec, String field, InputDecl in, StudySpec.DimSpec ds, Zoo zoo,
      StudyEvaluatorFactory factory) {
    Dimension d = dimension(spec, field, in, ds, zoo);
    if (!in.kind().categorical() && !in.flag()) {
      inDomain(spec, field, in, ds, d, factory);
    }
    return d;
  }

  /**
   * Every number the spec gives an input passes the input's own domain check (the port's range
   * for resolver pipelines), the one the command line applies: a study cannot run a value the
   * CLI would refuse. A continuous interval is checked at both ends; every domain is an interval.
   */
  private static void inDomain(StudySpec spec, String field, InputDecl in, StudySpec.DimSpec ds, Dimension d,
      StudyEvaluatorFactory factory) {
    boolean list = ds instanceof StudySpec.DimSpec.Values v && !(field.startsWith("fixed") && v.values().size() == 1);
    double[] ends = ds instanceof StudySpec.DimSpec.Continuous c ? new double[] {c.lo(), c.hi()} : null;
    int size = ends != null ? 2 : d.size();
    for (int i = 0; i < size; i++) {
      Object value = ends != null ? (Object) ends[i]
          : in.kind() == InputKind.INTEGER ? (Object) (long) d.valueAt(i) : (Object) d.valueAt(i);
      try {
        factory.checkValue(in.name(), value);
      } catch (IllegalArgumentException e) {
        String at = ends != null ? field + ".continuous" : list ? field + "[" + i + "]" : field;
        throw spec.error(at, e.getMessage());
      }
    }
  }

  private static Dimension dimension(StudySpec spec, String field, InputDecl in, StudySpec.DimSpec ds, Zoo zoo) {
    String n = in.name();
    if (in.kind().categorical()) {
      if (!(ds instanceof StudySpec.DimSpec.Values v)) {
        throw spec.error(field, "'" + n + "' takes names (" + in.kind().id() + "), written as a list, e.g. [H100, A100]");
      }
      String[] labels = new String[v.values().size()];
      for (int i = 0; i < labels.length; i++) {
        Object o = v.values().get(i);
        String f = v.values().size() == 1 && field.startsWith("fixed") ? field : field + "[" + i + "]";
        labels[i] = canonical(spec, f, in.kind(), String.valueOf(o), zoo);
      }
      if (new LinkedHashSet<>(List.of(labels)).size() != labels.length) {
        throw spec.error(field, "two values of '" + n + "' name the same entry; list each once");
      }
      return Dimension.categorical(n, in.kind(), labels);
    }
    if (ds instanceof StudySpec.DimSpec.Values v) {
      if (in.kind() == InputKind.INTEGER) {
        long[] vals = new long[v.values().size()];
        for (int i = 0; i < vals.length; i++) {
          Object o = v.values().get(i);
          if (in.flag()) { // a flag is stored as 1 or 0, as the pipeline holds it
            Boolean b = io.mlsysim.core.FlagSpelling.parse(o);
            if (b == null) {
              throw spec.error(field, "'" + n + "' is a flag: write " + io.mlsysim.core.FlagSpelling.ACCEPTED
                  + ", got " + o);
            }
            o = b ? 1L : 0L;
          }
          if (!(o instanceof Long l)) {
            throw spec.error(field, "'" + n + "' takes integers, got " + o);
          }
          vals[i] = l;
        }
        return Dimension.integers(n, vals);
      }
      double[] vals = new double[v.values().size()];
      for (int i = 0; i < vals.length; i++) {
        Object o = v.values().get(i);
        if (!(o instanceof Number num)) {
          throw spec.error(field, "'" + n + "' takes numbers, got '" + o + "'");
        }
        vals[i] = num.doubleValue();
      }
      return Dimension.reals(n, vals);
    }
    if (ds instanceof StudySpec.DimSpec.Continuous c) {
      if (in.kind() == InputKind.INTEGER) {
        throw spec.error(field, "'" + n + "' is an integer; use range or powers_of_two, not continuous");
      }
      return Dimension.continuous(n, c.lo(), c.hi(), c.gridPoints());
    }
    List<Long> vals = new ArrayList<>();
    if (ds instanceof StudySpec.DimSpec.Range r) {
      for (long x = r.lo(); x <= r.hi(); x += r.step()) {
        vals.add(x);
        if (x > Long.MAX_VALUE - r.step()) {
          break;
        }
      }
    } else if (ds instanceof StudySpec.DimSpec.PowersOfTwo p) {
      for (long x = p.lo(); x <= p.hi() && x > 0; x <<= 1) {
        vals.add(x);
      }
    }
    if (in.kind() == InputKind.REAL) {
      return Dimension.reals(n, vals.stream().mapToDouble(Long::doubleValue).toArray());
    }
    return Dimension.integers(n, vals.stream().mapToLong(Long::longValue).toArray());
  }

  private static String canonical(StudySpec spec, String field, InputKind kind, String value, Zoo zoo) {
    try {
      return switch (kind) {
        case HARDWARE -> zoo.hardware().entry(value).name();
        case WORKLOAD -> zoo.workloads().entry(value).name();
        case FLEET -> zoo.fleets().entry(value).name();
        case REGION -> zoo.grids().entry(value).name();
        case PRECISION -> Precision.parse(value).id();
        default -> value;
      };
    } catch (UnknownEntryException e) {
      throw spec.error(field, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw spec.error(field, e.getMessage());
    }
  }

  /** The objective vector of an evaluated candidate, every objective minimised (maximised ones negated). */
  public double[] objectives(Evaluation e) {
    double[] o = new double[objectiveSlots.length];
    for (int k = 0; k < o.length; k++) {
      double v = e.values[objectiveSlots[k]];
      o[k] = maximize[k] ? -v : v;
    }
    return o;
  }

  /** A copy of this plan that emits {@code strategy}'s candidates (e.g. one NSGA-II generation). */
  public StudyPlan withStrategy(Strategy other) {
    return new StudyPlan(this, other);
  }

  private StudyPlan(StudyPlan p, Strategy other) {
    this.name = p.name;
    this.specText = p.specText;
    this.specSha256 = p.specSha256;
    this.origin = p.origin;
    this.evaluatorName = p.evaluatorName;
    this.evaluatorVersion = p.evaluatorVersion;
    this.space = p.space;
    this.strategy = other;
    this.strategySpec = p.strategySpec;
    this.evaluator = p.evaluator;
    this.results = p.results;
    this.conditions = p.conditions;
    this.constraints = p.constraints;
    this.objectiveSlots = p.objectiveSlots;
    this.maximize = p.maximize;
    this.objectiveNames = p.objectiveNames;
    this.sources = p.sources;
    this.outputPath = p.outputPath;
    this.partitions = p.partitions;
    this.catalog = p.catalog;
  }

  /** True when the candidate satisfies every condition (else it is not part of the study). */
  public boolean admits(Candidate c) {
    for (Expr.Predicate p : conditions) {
      if (!p.test(c, null)) {
        return false;
      }
    }
    return true;
  }

  /** Evaluates one candidate: results, feasibility, constraints, status and reason. Never throws. */
  public void evaluate(Candidate c, Evaluation e) {
    e.reset();
    try {
      evaluator.evaluate(c, e);
    } catch (Throwable ex) { // a plugin's AssertionError or broken static initializer is the candidate's failure
      if (Fatal.is(ex)) {
        throw ex;
      }
      e.status = Evaluation.Status.ERROR;
      e.reason = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
          + (ex instanceof ExceptionInInitializerError && ex.getCause() != null ? ": " + ex.getCause() : "");
      e.feasible = false;
      return;
    }
    if (!e.feasible) {
      e.status = Evaluation.Status.INFEASIBLE;
      if (e.reason == null) {
        e.reason = "infeasible";
      }
      return;
    }
    for (int k = 0; k < e.values.length; k++) {
      if (!Double.isFinite(e.values[k])) { // NaN or ±∞ would be an ok row with a null or absurd result
        e.status = Evaluation.Status.ERROR;
        e.reason = "result " + results.get(k).name() + " is " + e.values[k] + " (not a finite number)";
        e.feasible = false;
        return;
      }
    }
    for (Expr.Parsed p : constraints) {
      if (!p.predicate().test(c, e.values)) {
        e.status = Evaluation.Status.CONSTRAINT_VIOLATED;
        e.reason = "violates '" + p.text() + "'";
        return;
      }
    }
  }

  public String name() {
    return name;
  }

  public String specText() {
    return specText;
  }

  public String specSha256() {
    return specSha256;
  }

  public String origin() {
    return origin;
  }

  public String evaluatorName() {
    return evaluatorName;
  }

  public String evaluatorVersion() {
    return evaluatorVersion;
  }

  public SearchSpace space() {
    return space;
  }

  /** The index strategy, or null for an evolutionary one. */
  public Strategy strategy() {
    return strategy;
  }

  public StudySpec.StrategySpec strategySpec() {
    return strategySpec;
  }

  public List<ResultField> results() {
    return results;
  }

  public List<String> objectiveNames() {
    return objectiveNames;
  }

  /** Result slot of objective k. */
  public int objectiveSlot(int k) {
    return objectiveSlots[k];
  }

  public boolean maximize(int k) {
    return maximize[k];
  }

  public int objectiveCount() {
    return objectiveSlots.length;
  }

  public List<SourceRow> sources() {
    return sources;
  }

  public String outputPath() {
    return outputPath;
  }

  /** The catalog database the spec asks the tables to be registered in, or null. */
  public String catalog() {
    return catalog;
  }

  public int partitions() {
    return partitions;
  }

  /** Constraint texts, for display. */
  public List<String> constraintTexts() {
    List<String> out = new ArrayList<>();
    for (Expr.Parsed p : constraints) {
      out.add(p.text());
    }
    return out;
  }

  /** Lower-case id of a strategy kind for display. */
  public String strategyKind() {
    return strategySpec.kind().toLowerCase(Locale.ROOT);
  }
}
