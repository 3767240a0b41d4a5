package io.mlsysim.core.pipeline;

import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.Result;
import io.mlsysim.text.NameMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pipeline checked and laid out for evaluation: stages in dependency order, every wired port
 * given an array slot, every Port object given its slot by id. All validation happens in the
 * constructor, so {@link #evaluate(Frame)} does no lookups, formatting or boxing of its own.
 */
public final class CompiledPipeline {

  /** Who produces a wired port. */
  record Producer(Stage stage, Port<?> port) {}

  private static final int AMBIGUOUS = -2;

  final List<Stage> order;
  private final Resolver<?>[] resolvers; // the loop indexes an array, not a list of records
  final int[][] stageTables;
  final double[] initialDoubles;
  final Object[] initialObjects;
  private final int[] slotById;
  private final Map<String, InputSpec> inputs;
  private final Map<String, Producer> producers;
  private final Map<String, Integer> slotByName;
  private final Map<String, Integer> positions;
  private final Map<Stage, List<String>> upstream;

  CompiledPipeline(List<Stage> stages, Set<String> declaredInputs) {
    // 1. Producers: each wired name has exactly one.
    producers = new LinkedHashMap<>();
    for (Stage s : stages) {
      for (Port<?> p : s.resolver().schema().produces()) {
        String wired = s.wiredName(p);
        Producer prev = producers.putIfAbsent(wired, new Producer(s, p));
        if (prev != null) {
          throw new PipelineException("port '" + wired + "' is produced by both stage '"
              + prev.stage().name() + "' and stage '" + s.name() + "'; a port must have one "
              + "producer. Fix: drop one stage, or add it with a rename, e.g. "
              + "builder.add(\"" + s.name() + "_b\", resolver, Map.of(\"" + p.name() + "\", \""
              + p.name() + "_b\"))");
        }
      }
    }
    // 2. Consumers: type-check against the producer, or collect as a caller input.
    Map<String, List<Stage>> consumersOf = new LinkedHashMap<>();
    Map<String, Port<?>> inputPort = new LinkedHashMap<>();
    upstream = new HashMap<>();
    for (Stage s : stages) {
      List<String> deps = new ArrayList<>();
      for (Port<?> p : s.resolver().schema().requires()) {
        String wired = s.wiredName(p);
        Producer prod = producers.get(wired);
        if (prod != null) {
          if (!p.accepts(prod.port())) {
            throw new PipelineException("port '" + wired + "': stage '" + prod.stage().name()
                + "' produces a " + prod.port().typeLabel() + " but stage '" + s.name()
                + "' requires a " + p.typeLabel() + ". Fix: connect '" + s.name()
                + "' to a producer of a " + p.typeLabel() + " (rename one of the ports), or "
                + "correct the port's declared type");
          }
          if (!deps.contains(prod.stage().name())) {
            deps.add(prod.stage().name());
          }
        } else {
          consumersOf.computeIfAbsent(wired, k -> new ArrayList<>()).add(s);
          Port<?> prev = inputPort.get(wired);
          inputPort.put(wired, prev == null ? p : reconcile(wired, prev, p, consumersOf.get(wired)));
        }
      }
      upstream.put(s, deps);
    }
    // 3. Caller inputs: in strict mode every unproduced port must be declared or defaulted.
    inputs = new LinkedHashMap<>();
    for (Map.Entry<String, Port<?>> e : inputPort.entrySet()) {
      List<String> names = new ArrayList<>();
      for (Stage s : consumersOf.get(e.getKey())) {
        names.add(s.name());
      }
      if (declaredInputs != null && !declaredInputs.contains(e.getKey()) && !e.getValue().hasDefault()) {
        throw new PipelineException("stage '" + names.get(0) + "' requires '" + e.getKey() + "' ("
            + e.getValue().typeLabel() + ") but no stage produces it and it is not among the "
            + "pipeline's declared inputs " + new TreeSet<>(declaredInputs) + ". Fix: add a stage "
            + "that produces '" + e.getKey() + "', or declare it with .input(\"" + e.getKey() + "\")");
      }
      inputs.put(e.getKey(), new InputSpec(e.getKey(), e.getValue(), names));
    }
    if (declaredInputs != null) {
      for (String d : declaredInputs) {
        if (producers.containsKey(d)) {
          throw new PipelineException("input '" + d + "' is declared as a caller input but stage '"
              + producers.get(d).stage().name() + "' produces it; remove .input(\"" + d + "\")");
        }
        if (!inputs.containsKey(d)) {
          List<String> s = NameMatcher.suggest(d, inputs.keySet());
          throw new PipelineException("input '" + d + "' is declared but no stage requires it"
              + (s.isEmpty() ? "" : "; did you mean " + String.join(", ", s) + "?"));
        }
      }
    }
    // 4. Order: topological over the port DAG, ties broken by list order.
    order = topologicalOrder(stages);
    resolvers = new Resolver<?>[order.size()];
    for (int i = 0; i < order.size(); i++) {
      resolvers[i] = order.get(i).resolver();
    }
    positions = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      positions.put(order.get(i).name(), i);
    }
    // 5. Slots: one per wired name, numeric and object ports in separate arrays.
    slotByName = new LinkedHashMap<>();
    Map<String, Port<?>> canonical = new LinkedHashMap<>();
    inputs.forEach((n, spec) -> canonical.put(n, spec.port()));
    producers.forEach((n, pr) -> canonical.put(n, pr.port()));
    int nd = 0;
    int no = 0;
    List<Double> dInit = new ArrayList<>();
    List<Object> oInit = new ArrayList<>();
    for (Map.Entry<String, Port<?>> e : canonical.entrySet()) {
      Port<?> p = e.getValue();
      boolean isInput = inputs.containsKey(e.getKey());
      if (p.isNumeric()) {
        slotByName.put(e.getKey(), nd++);
        dInit.add(isInput && p.hasDefault() ? p.defaultNumber() : Double.NaN);
      } else {
        slotByName.put(e.getKey(), no++);
        oInit.add(isInput && p.hasDefault() ? p.defaultObject() : null);
      }
    }
    initialDoubles = new double[nd];
    for (int i = 0; i < nd; i++) {
      initialDoubles[i] = dInit.get(i);
    }
    initialObjects = oInit.toArray();
    int maxId = 0;
    for (Stage s : order) {
      for (Port<?> p : ports(s)) {
        maxId = Math.max(maxId, p.id());
      }
    }
    slotById = new int[maxId + 1];
    Arrays.fill(slotById, -1);
    stageTables = new int[order.size()][];
    for (int i = 0; i < order.size(); i++) {
      Stage s = order.get(i);
      int[] t = new int[maxId + 1];
      Arrays.fill(t, -1);
      for (Port<?> p : ports(s)) {
        int slot = slotByName.get(s.wiredName(p));
        t[p.id()] = StageIO.entry(slot, p.shape());
        // A Port object wired under two names (a renamed second instance) has no single slot.
        slotById[p.id()] = slotById[p.id()] == -1 || slotById[p.id()] == slot ? slot : AMBIGUOUS;
      }
      stageTables[i] = t;
    }
  }

  private static List<Port<?>> ports(Stage s) {
    List<Port<?>> all = new ArrayList<>(s.resolver().schema().requires());
    all.addAll(s.resolver().schema().produces());
    return all;
  }

  /** Two stages read the same caller input: their declarations must agree. */
  private static Port<?> reconcile(String name, Port<?> a, Port<?> b, List<Stage> consumers) {
    Port<?> specific = b.accepts(a) ? a : a.accepts(b) ? b : null;
    if (specific == null) {
      throw new PipelineException("input '" + name + "': stage '" + consumers.get(0).name()
          + "' reads it as a " + a.typeLabel() + " but stage '"
          + consumers.get(consumers.size() - 1).name() + "' reads it as a " + b.typeLabel()
          + ". Fix: rename the port in one stage");
    }
    Port<?> other = specific == a ? b : a;
    if (specific.hasDefault() && other.hasDefault() && specific.isNumeric()
        && Double.compare(specific.defaultNumber(), other.defaultNumber()) != 0) {
      throw new PipelineException("input '" + name + "' has different defaults in stages '"
          + consumers.get(0).name() + "' and '" + consumers.get(consumers.size() - 1).name()
          + "'; supply it explicitly or rename the port in one stage");
    }
    return specific.hasDefault() || !other.hasDefault() ? specific : other;
  }

  private List<Stage> topologicalOrder(List<Stage> stages) {
    List<Stage> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    List<Stage> pending = new ArrayList<>(stages);
    while (!pending.isEmpty()) {
      Stage ready = null;
      for (Stage s : pending) {
        if (done.containsAll(upstream.get(s))) {
          ready = s;
          break;
        }
      }
      if (ready == null) {
        List<String> cycle = new ArrayList<>();
        for (Stage s : pending) {
          cycle.add(s.name() + " (needs " + upstream.get(s) + ")");
        }
        throw new PipelineException("the stages form a cycle, so no order can run them: "
            + String.join(", ", cycle) + ". Fix: break the loop by removing or renaming a port");
      }
      out.add(ready);
      done.add(ready.name());
      pending.remove(ready);
    }
    return Collections.unmodifiableList(out);
  }

  /** A fresh frame with defaults filled in; reuse it across evaluations. */
  public Frame newFrame() {
    return new Frame(this);
  }

  /**
   * Runs every stage in dependency order on {@code frame}. The batch entry point: no callbacks,
   * no input checks beyond what the frame setters did, nothing allocated by the pipeline.
   */
  public void evaluate(Frame frame) {
    Result[] results = frame.results;
    StageIO[] io = frame.io;
    Resolver<?>[] rs = resolvers;
    for (int i = 0; i < io.length; i++) {
      Result r = rs[i].evaluate(io[i]);
      results[i] = r;
      r.export(io[i]);
    }
  }

  /** Runs one stage; used by {@link Pipeline#run} to interleave callbacks. */
  Result evaluateStage(Frame frame, int position) {
    Result r = stage(position).evaluate(frame.io[position]);
    frame.results[position] = r;
    r.export(frame.io[position]);
    return r;
  }

  private Resolver<?> stage(int i) {
    return resolvers[i];
  }

  /** Stages in execution order. */
  public List<Stage> order() {
    return order;
  }

  /** Values the caller supplies or defaults fill, in first-use order. */
  public Map<String, InputSpec> inputs() {
    return Collections.unmodifiableMap(inputs);
  }

  /** The caller input called {@code name}; PipelineException with suggestions otherwise. */
  public InputSpec input(String name) {
    InputSpec spec = inputs.get(name);
    if (spec != null) {
      return spec;
    }
    Producer p = producers.get(name);
    if (p != null) {
      throw new PipelineException("'" + name + "' is produced by stage '" + p.stage().name()
          + "'; it cannot also be supplied as an input");
    }
    List<String> s = NameMatcher.suggest(name, inputs.keySet());
    throw new PipelineException("this pipeline has no input '" + name + "'"
        + (s.isEmpty() ? "; its inputs are " + inputs.keySet() : "; did you mean " + String.join(", ", s) + "?"));
  }

  /** The stage that produces {@code port}, or null for caller inputs. */
  public String producerOf(String port) {
    Producer p = producers.get(port);
    return p == null ? null : p.stage().name();
  }

  /** Wired ports and the stage producing each. */
  Map<String, Producer> producers() {
    return producers;
  }

  List<String> upstreamOf(Stage s) {
    return upstream.get(s);
  }

  /** Slot of a numeric port by wired name, for {@link Frame#setDoubleAt}/{@link Frame#getDoubleAt}. */
  public int numericSlot(String port) {
    Integer s = slotByName.get(port);
    Port<?> p = inputs.containsKey(port) ? inputs.get(port).port()
        : producers.containsKey(port) ? producers.get(port).port() : null;
    if (s == null || p == null || !p.isNumeric()) {
      throw new PipelineException("this pipeline has no numeric port '" + port + "'; ports: " + slotByName.keySet());
    }
    return s;
  }

  int slotOf(Port<?> port) {
    int id = port.id();
    int s = id < slotById.length ? slotById[id] : -1;
    if (s == AMBIGUOUS) {
      throw new PipelineException("port '" + port.name() + "' is wired under several names in this "
          + "pipeline (a stage with renamed ports); address it by its wired name instead");
    }
    if (s < 0) {
      throw new PipelineException("port '" + port.name() + "' (this Port object) is not used by any "
          + "stage of this pipeline; use the constant the resolver declares, or set it by name");
    }
    return s;
  }

  /** Slot of any wired port by name (numeric or object array, depending on the port). */
  int slotOfName(String wired) {
    return slotByName.get(wired);
  }

  /** Position of a stage in execution order. */
  public int position(String stage) {
    Integer i = positions.get(stage);
    if (i == null) {
      List<String> s = NameMatcher.suggest(stage, positions.keySet());
      throw new PipelineException("no stage named '" + stage + "'"
          + (s.isEmpty() ? "; stages: " + positions.keySet() : "; did you mean " + String.join(", ", s) + "?"));
    }
    return i;
  }
}
