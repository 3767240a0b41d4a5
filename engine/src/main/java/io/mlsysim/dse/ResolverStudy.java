package io.mlsysim.dse;

import io.mlsysim.core.EdgeValues;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.InputSpec;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Zoo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A study pipeline made of contract resolvers named in the spec ({@code pipeline:
 * [DistributedModel, TrainingRunModel, SustainabilityModel, EconomicsModel]}), built-in or from
 * plugins, compiled once into slot frames. The pipeline's caller inputs become study inputs
 * (zoo entries, precisions and enum choices categorical; counts integer; quantities and numbers
 * real, SI), its numeric outputs become result columns named with their unit, and a produced
 * flag ending in {@code feasible} decides feasibility. A resolver rejecting the configuration
 * ({@link InvalidInputException} or another {@link IllegalArgumentException}, e.g. parallelism
 * degrees that do not divide the fleet) marks the candidate infeasible with its message; any
 * other exception becomes an error row.
 *
 * <p>Resolvers are not serialisable, so the bound form carries their names and rebuilds the
 * compiled pipeline once per executor JVM, with one frame per thread.
 */
public final class ResolverStudy implements StudyEvaluatorFactory {
  private final List<String> names;
  private final CompiledPipeline compiled;
  private final List<InputDecl> inputs = new ArrayList<>();
  private final List<ResultField> results = new ArrayList<>();
  private final List<String> resultPorts = new ArrayList<>();
  private final String version;

  private ResolverStudy(List<String> names, CompiledPipeline compiled, String version) {
    this.names = List.copyOf(names);
    this.compiled = compiled;
    this.version = version;
    Set<String> columns = new LinkedHashSet<>(TableColumns.RESERVED);
    for (InputSpec in : compiled.inputs().values()) {
      Port<?> p = in.port();
      InputKind kind = kindOf(p);
      if (kind == null) {
        if (!p.hasDefault()) {
          throw new StudySpecException("input '" + in.name() + "' (" + p.typeLabel() + ") of pipeline " + names
              + " cannot be set by a study and has no default");
        }
        continue; // e.g. a datacenter object: the port's default applies
      }
      if (TableColumns.RESERVED.contains(in.name())) {
        throw new StudySpecException("stage " + in.consumers() + " input port '" + in.name()
            + "' has the name of a column every results table has; rename the port in the resolver");
      }
      columns.add(in.name());
      boolean none = meansNone(p);
      inputs.add(new InputDecl(in.name(), kind, none ? null : defaultOf(p, kind), p.description() == null
          ? p.typeLabel() : p.description(), p.shape() == Port.Shape.FLAG, none));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (var stage : compiled.order()) {
      for (Port<?> p : stage.resolver().schema().produces()) {
        if (!p.isNumeric() || !seen.add(p.name())) {
          continue;
        }
        String wired = p.name();
        QuantityKind k = p.shape() == Port.Shape.QUANTITY ? p.kind() : null;
        String column = wired + suffix(k);
        if (columns.contains(column)) {
          // e.g. SingleNodeModel's own 'feasible' flag beside the table's: namespace it by stage
          String stageName = stage.resolver().name();
          String namespaced = stagePrefix(stageName) + "_" + column;
          if (columns.contains(namespaced)) {
            throw new StudySpecException("stage '" + stageName + "' output port '" + wired + "' would be column '"
                + column + "', which the table already has, and so is '" + namespaced
                + "'; rename the port in the resolver");
          }
          column = namespaced;
        }
        columns.add(column);
        resultPorts.add(wired);
        results.add(new ResultField(column, k == null ? "" : k.canonicalSymbol(),
            p.description() == null ? "" : p.description(), p.shape() == Port.Shape.FLAG ? ResultField.Type.FLAG
                : p.shape() == Port.Shape.INTEGER ? ResultField.Type.INTEGER : ResultField.Type.REAL));
      }
    }
  }

  /**
   * Whether an object input's default stands for "none" rather than a value: a zoo-kind default
   * the zoo does not know (ServingModel's 'same_as_hardware' decode device, its 'no_draft' draft
   * model) is a placeholder the resolver recognises, so a study leaves it unset instead of
   * looking it up.
   */
  static boolean meansNone(Port<?> p) {
    if (p.shape() != Port.Shape.OBJECT || !p.hasDefault()) {
      return false;
    }
    Object o = p.defaultObject();
    Zoo zoo = Zoo.current();
    if (o instanceof HardwareNode h) {
      return !zoo.hardware().contains(h.name());
    }
    if (o instanceof Workload w) {
      return !zoo.workloads().contains(w.name());
    }
    if (o instanceof Fleet f) {
      return !zoo.fleets().contains(f.name());
    }
    if (o instanceof GridProfile g) {
      return !zoo.grids().contains(g.name());
    }
    return false;
  }

  /** "SingleNodeModel" → "single_node": the prefix that namespaces a stage's colliding column. */
  static String stagePrefix(String resolverName) {
    String base = resolverName.replaceAll("(Model|Solver|Optimizer)$", "");
    if (base.isEmpty()) {
      base = resolverName;
    }
    return base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  /** Builds the pipeline from resolver names with the standard factory (built-ins and classpath plugins). */
  public static ResolverStudy of(List<String> resolverNames) {
    ResolverFactory factory = ResolverFactory.standard();
    List<Resolver<?>> rs = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (String n : resolverNames) {
      rs.add(factory.get(n));
      versions.add(n);
    }
    return of(resolverNames, rs);
  }

  /** The study of resolvers already built (their names are what executors look up again). */
  static ResolverStudy of(List<String> resolverNames, List<Resolver<?>> resolvers) {
    return new ResolverStudy(resolverNames, Pipeline.of(resolvers).compiled(),
        "engine " + io.mlsysim.EngineInfo.version());
  }

  static String suffix(QuantityKind k) {
    if (k == null || k == QuantityKind.DIMENSIONLESS) {
      return "";
    }
    String s = k.canonicalSymbol();
    if (s.equals("B")) {
      return "_bytes";
    }
    return "_" + s.toLowerCase(Locale.ROOT).replace("1/", "per_").replace("/", "_per_");
  }

  private static InputKind kindOf(Port<?> p) {
    switch (p.shape()) {
      case QUANTITY:
        return InputKind.REAL;
      case INTEGER:
      case FLAG:
        return InputKind.INTEGER;
      case OBJECT: {
        Class<?> t = p.type();
        if (t == Workload.class) {
          return InputKind.WORKLOAD;
        }
        if (t == HardwareNode.class) {
          return InputKind.HARDWARE;
        }
        if (t == Fleet.class) {
          return InputKind.FLEET;
        }
        if (t == GridProfile.class) {
          return InputKind.REGION;
        }
        if (t == Precision.class) {
          return InputKind.PRECISION;
        }
        return t.isEnum() ? InputKind.CHOICE : null;
      }
      default:
        return null;
    }
  }

  private static Object defaultOf(Port<?> p, InputKind kind) {
    if (!p.hasDefault()) {
      return null;
    }
    if (p.isNumeric()) {
      double v = p.defaultNumber();
      return kind == InputKind.INTEGER ? (Object) (long) v : (Object) v;
    }
    Object o = p.defaultObject();
    if (o instanceof HardwareNode h) {
      return h.name();
    }
    if (o instanceof Workload w) {
      return w.name();
    }
    if (o instanceof Fleet f) {
      return f.name();
    }
    if (o instanceof GridProfile g) {
      return g.name();
    }
    if (o instanceof Precision pr) {
      return pr.id();
    }
    return o instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public String name() {
    return String.join("+", names);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<InputDecl> inputs() {
    return List.copyOf(inputs);
  }

  @Override
  public List<ResultField> results() {
    return List.copyOf(results);
  }

  /** The input's port decides, exactly as at the command line's edge (its range and its type's size). */
  @Override
  public void checkValue(String input, Object value) {
    InputSpec in = compiled.inputs().get(input);
    if (in != null && in.port().isNumeric()) {
      EdgeValues.toNumber(in.port(), value);
    }
  }

  @Override
  public List<String> attributes() {
    return List.of("layers", "hidden", "heads", "parameters", "gpus", "gpus_per_node", "nodes");
  }

  /** Zoo entries the space names (fleets with their nodes, fabrics and chips) and the calibration catalogue. */
  @Override
  public List<SourceRow> sources(SearchSpace space, Zoo zoo) {
    List<SourceRow> out = new ArrayList<>(SourceRow.zooEntries(space, zoo));
    out.addAll(SourceRow.calibration());
    return out;
  }

  @Override
  public CandidateEvaluator bind(SearchSpace space, Zoo zoo) {
    Bound b = new Bound(names, space, inputs, resultPorts, zoo);
    try {
      b.pipeline(); // validate choices, wiring and the zoo on the driver
    } catch (IllegalStateException e) {
      throw new StudySpecException(e.getMessage());
    }
    return b;
  }

  /** The serialisable bound form. */
  static final class Bound implements CandidateEvaluator {
    private static final long serialVersionUID = 1L;
    private final List<String> names;
    private final String[] inputNames;
    private final String[][] labels; // per dimension: categorical labels, null for numbers
    private final String[] resultPorts;
    private final double[] layers, hidden, heads, params;
    private final double[] gpus, perNode, nodes;
    private final int dWorkload, dFleet;
    private final String zooDigest;
    private final List<Zoo.OverlayText> overlays;
    private transient volatile Runtime runtime;
    /** Why this JVM cannot build the pipeline: kept so every later candidate fails fast, not slowly. */
    private transient volatile RuntimeException unusable;

    /** What each executor JVM rebuilds: the compiled pipeline, slots and converted choices. */
    private static final class Runtime {
      CompiledPipeline compiled;
      int[] slots;
      boolean[] numeric;
      Port<Object>[] ports;
      Object[][] objects;
      int[] resultSlots;
      ThreadLocal<Frame> frames;
    }

    Bound(List<String> names, SearchSpace space, List<InputDecl> decls, List<String> resultPorts, Zoo zoo) {
      this.names = List.copyOf(names);
      int n = space.count();
      inputNames = new String[n];
      labels = new String[n][];
      for (int d = 0; d < n; d++) {
        Dimension dim = space.dimensions().get(d);
        inputNames[d] = dim.name();
        labels[d] = dim.isCategorical() ? dim.labels() : null;
      }
      this.resultPorts = resultPorts.toArray(new String[0]);
      this.zooDigest = zoo.digest();
      this.overlays = zoo.overlayTexts();
      dWorkload = space.indexOf("workload");
      dFleet = space.indexOf("fleet");
      int nw = dWorkload < 0 ? 0 : space.dimensions().get(dWorkload).size();
      layers = new double[nw];
      hidden = new double[nw];
      heads = new double[nw];
      params = new double[nw];
      for (int i = 0; i < nw; i++) {
        Workload w = zoo.workloads().get(labels[dWorkload][i]);
        layers[i] = w.layers();
        params[i] = w.parameters();
        if (w instanceof io.mlsysim.workloads.TransformerWorkload t) {
          hidden[i] = t.hiddenSize();
          heads[i] = t.heads();
        }
      }
      int nf = dFleet < 0 ? 0 : space.dimensions().get(dFleet).size();
      gpus = new double[nf];
      perNode = new double[nf];
      nodes = new double[nf];
      for (int i = 0; i < nf; i++) {
        Fleet f = zoo.fleets().get(labels[dFleet][i]);
        gpus[i] = f.totalAccelerators();
        perNode[i] = f.acceleratorsPerNode();
        nodes[i] = f.nodeCount();
      }
    }

    /**
     * Zoo entries are looked up by name where the pipeline runs, so they must be the driver's.
     * A cluster executor does not see the driver's overlay files: it rebuilds the driver's zoo
     * from the overlay texts this evaluator carries, and checks the digest. Only a different
     * built-in zoo (another engine version on the executors) is left to refuse.
     */
    private void adoptDriversZoo() {
      String here = Zoo.current().digest();
      if (here.equals(zooDigest)) {
        return;
      }
      Zoo shipped = Zoo.withOverlayTexts(overlays);
      if (!shipped.digest().equals(zooDigest)) {
        throw new IllegalStateException("this executor's zoo (digest " + shipped.digest().substring(0, 12)
            + "… with the driver's " + overlays.size() + " overlay(s)) differs from the driver's ("
            + zooDigest.substring(0, 12) + "…); run the same engine version on the driver and the executors");
      }
      Zoo.setCurrent(shipped);
    }

    Runtime pipeline() {
      Runtime r = runtime;
      if (r != null) {
        return r;
      }
      if (unusable != null) {
        throw unusable;
      }
      synchronized (this) {
        if (runtime == null && unusable == null) {
          try {
            adoptDriversZoo();
            runtime = build();
          } catch (RuntimeException e) {
            unusable = e;
          }
        }
        if (unusable != null) {
          throw unusable;
        }
        return runtime;
      }
    }

    @SuppressWarnings("unchecked")
    private Runtime build() {
      ResolverFactory factory = ResolverFactory.standard();
      List<Resolver<?>> rs = new ArrayList<>();
      for (String n : names) {
        rs.add(factory.get(n));
      }
      Runtime x = new Runtime();
      x.compiled = Pipeline.of(rs).compiled();
      int n = inputNames.length;
      x.slots = new int[n];
      x.numeric = new boolean[n];
      x.ports = new Port[n];
      x.objects = new Object[n][];
      for (int d = 0; d < n; d++) {
        Port<?> p = x.compiled.input(inputNames[d]).port();
        x.ports[d] = (Port<Object>) p;
        x.numeric[d] = p.isNumeric();
        if (x.numeric[d]) {
          x.slots[d] = x.compiled.numericSlot(inputNames[d]);
        } else {
          x.objects[d] = new Object[labels[d].length];
          for (int i = 0; i < labels[d].length; i++) {
            try {
              x.objects[d][i] = EdgeValues.toObject(p, labels[d][i]);
            } catch (RuntimeException e) {
              throw new StudySpecException("input '" + inputNames[d] + "': " + e.getMessage());
            }
          }
        }
      }
      x.resultSlots = new int[resultPorts.length];
      for (int k = 0; k < resultPorts.length; k++) {
        x.resultSlots[k] = x.compiled.numericSlot(resultPorts[k]);
      }
      CompiledPipeline c = x.compiled;
      x.frames = ThreadLocal.withInitial(c::newFrame);
      return x;
    }

    @Override
    public void evaluate(Candidate c, Evaluation out) {
      Runtime r = pipeline();
      Frame f = r.frames.get();
      for (int d = 0; d < inputNames.length; d++) {
        if (r.numeric[d]) {
          f.setDoubleAt(r.slots[d], c.value[d]);
        } else {
          f.set(r.ports[d], r.objects[d][c.ordinal[d]]);
        }
      }
      try {
        r.compiled.evaluate(f);
      } catch (IllegalArgumentException e) { // InvalidInputException included: a configuration the model rejects
        out.feasible = false;
        out.reason = e.getMessage();
        return;
      }
      double[] v = out.values;
      for (int k = 0; k < v.length; k++) {
        v[k] = f.getDoubleAt(r.resultSlots[k]);
        if (v[k] == 0 && out.feasible && resultPorts[k].endsWith("feasible")) {
          out.feasible = false;
          out.reason = resultPorts[k] + " is false";
        }
      }
    }

    @Override
    public Expr.Operand attribute(String name) {
      int dw = dWorkload;
      int df = dFleet;
      return switch (name) {
        case "layers" -> dw < 0 ? null : (c, r) -> layers[c.ordinal[dw]];
        case "hidden" -> dw < 0 ? null : (c, r) -> hidden[c.ordinal[dw]];
        case "heads" -> dw < 0 ? null : (c, r) -> heads[c.ordinal[dw]];
        case "parameters" -> dw < 0 ? null : (c, r) -> params[c.ordinal[dw]];
        case "gpus" -> df < 0 ? null : (c, r) -> gpus[c.ordinal[df]];
        case "gpus_per_node" -> df < 0 ? null : (c, r) -> perNode[c.ordinal[df]];
        case "nodes" -> df < 0 ? null : (c, r) -> nodes[c.ordinal[df]];
        default -> null;
      };
    }
  }

  /** Names of the resolvers, for run provenance. */
  public List<String> resolverNames() {
    return names;
  }

  /** Whether every name is a resolver the standard factory knows. */
  static boolean known(List<String> names, Map<String, ?> available) {
    return available.keySet().containsAll(names);
  }
}
