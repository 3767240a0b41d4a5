package io.mlsysim.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.MapInputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.dse.Candidate;
import io.mlsysim.dse.Evaluation;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.zoo.Zoo;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin cannot misread silently: typed accessors refuse a port of another shape (the slot
 * index of a count is meaningless in the object array), and in a study a resolver that throws an
 * Error, returns NaN, or whose class cannot initialise is reported with its cause.
 */
class PluginSafetyTest {
  static final Port<Integer> COUNT = Port.count("count");
  static final Port<Double> TIME = Port.quantity("time", QuantityKind.TIME);
  static final Port<Boolean> FLAG = Port.flag("flag");
  static final Port<String> TEXT = Port.text("label");
  static final Port<HardwareNode> HW = Port.object("hardware", HardwareNode.class);
  static final Port<Double> OUT = Port.number("probe_out");

  /** Reads its inputs with whatever the test asks for and records what it saw. */
  static final class Probe extends Model<Probe.R> {
    record R(double v) implements Result {
      @Override
      public void export(Outputs out) {
        out.putDouble(OUT, v);
      }
    }

    final Function<Inputs, Object> read;
    final List<Object> seen = new ArrayList<>();

    Probe(Function<Inputs, Object> read) {
      super(Schema.model("Probe").requires(COUNT, TIME, FLAG, TEXT, HW).produces(OUT).build());
      this.read = read;
    }

    @Override
    public R evaluate(Inputs in) {
      seen.add(read.apply(in));
      return new R(1);
    }
  }

  static final Map<String, Object> VALUES = Map.of("count", 8, "time", 2.0, "flag", true, "label", "x",
      "hardware", "H100");

  /** Runs the probe through a compiled pipeline (the study path) and through MapInputs (the direct path). */
  static List<Object> read(Function<Inputs, Object> read) {
    Probe p = new Probe(read);
    CompiledPipeline plan = Pipeline.builder().add(p).build().compiled();
    Frame f = plan.newFrame();
    VALUES.forEach(f::set);
    plan.evaluate(f);
    p.evaluate(MapInputs.of(p, VALUES));
    return p.seen;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> Port<T> as(Port<?> p) {
    return (Port) p;
  }

  @Test
  void theRightAccessorReadsEveryShape() {
    assertEquals(List.of(8, 8), read(in -> in.getInt(COUNT)));
    assertEquals(List.of(2.0, 2.0), read(in -> in.getDouble(TIME)));
    assertEquals(List.of(true, true), read(in -> in.getFlag(FLAG)));
    assertEquals(List.of("x", "x"), read(in -> in.get(TEXT)));
    List<Object> hw = read(in -> in.get(HW));
    assertEquals("H100", ((HardwareNode) hw.get(0)).name());
    assertSame(hw.get(0), hw.get(1));
  }

  @Test
  void getOnACountPortFailsInsteadOfReturningAnotherSlotsObject() {
    // Before the check, the count's numeric slot index picked an object slot: the HardwareNode.
    for (Function<Inputs, Object> wrong : List.<Function<Inputs, Object>>of(in -> in.get(COUNT), in -> in.get(TIME),
        in -> in.get(FLAG))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(wrong));
      assertTrue(e.getMessage().contains("used get() on port '"), e.getMessage());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(in -> in.get(COUNT)));
    assertEquals("stage 'Probe' used get() on port 'count', a count; use getInt(COUNT) for a count", e.getMessage());
  }

  @Test
  void everyNumericAccessorRefusesAPortOfAnotherShape() {
    assertMismatch(in -> in.getDouble(as(COUNT)), "getDouble", "count", "getInt");
    assertMismatch(in -> in.getDouble(as(TEXT)), "getDouble", "label", "get");
    assertMismatch(in -> in.getInt(as(TIME)), "getInt", "time", "getDouble");
    assertMismatch(in -> in.getInt(as(HW)), "getInt", "hardware", "get");
    assertMismatch(in -> in.getFlag(as(COUNT)), "getFlag", "count", "getInt");
    assertMismatch(in -> in.getFlag(as(TEXT)), "getFlag", "label", "get");
  }

  private static void assertMismatch(Function<Inputs, Object> read, String accessor, String port, String fix) {
    // Through the pipeline (StageIO) and through MapInputs: both refuse, naming the fix.
    IllegalStateException viaPipeline = assertThrows(IllegalStateException.class, () -> read(read));
    assertTrue(viaPipeline.getMessage().contains(accessor + "() on port '" + port + "'")
        && viaPipeline.getMessage().contains("use " + fix + "("), viaPipeline.getMessage());
    Probe p = new Probe(read);
    IllegalStateException direct = assertThrows(IllegalStateException.class,
        () -> p.evaluate(MapInputs.of(p, VALUES)));
    assertTrue(direct.getMessage().startsWith("Probe used " + accessor + "() on port '" + port + "'"),
        direct.getMessage());
  }

  /** A result that writes its value through the wrong accessor. */
  static final class WrongWriter extends Model<Result> {
    WrongWriter(java.util.function.Consumer<Outputs> write) {
      super(Schema.model("WrongWriter").requires(TIME).produces(COUNT, HW).build());
      this.write = write;
    }

    final java.util.function.Consumer<Outputs> write;

    @Override
    public Result evaluate(Inputs in) {
      return write::accept;
    }
  }

  @Test
  void everyOutputAccessorRefusesAPortOfAnotherShape() {
    for (var c : List.<Map.Entry<java.util.function.Consumer<Outputs>, String>>of(
        Map.entry(o -> o.put(as(COUNT), 3), "put() on port 'count'"),
        Map.entry(o -> o.putDouble(as(COUNT), 3), "putDouble() on port 'count'"),
        Map.entry(o -> o.putInt(as(HW), 3), "putInt() on port 'hardware'"),
        Map.entry(o -> o.putFlag(as(COUNT), true), "putFlag() on port 'count'"))) {
      CompiledPipeline plan = Pipeline.builder().add(new WrongWriter(c.getKey())).build().compiled();
      Frame f = plan.newFrame();
      f.set("time", 1.0);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan.evaluate(f));
      assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
    }
  }

  // --- plugins in a study, loaded from a real jar as the study's executors load them ---

  @TempDir
  static Path work;
  static Path jar;

  private static final String HEAD = "package p;\nimport io.mlsysim.core.*;\n";

  private static String model(String cls, String body, String statics) {
    return HEAD + "public final class " + cls + " extends Model<" + cls + ".R> {\n"
        + "  static final Port<Integer> X = Port.count(\"x\");\n"
        + "  static final Port<Double> OUT = Port.number(\"out\");\n" + statics
        + "  public record R(double v) implements Result { public void export(Outputs o) { o.putDouble(OUT, v); } }\n"
        + "  public " + cls + "() { super(Schema.model(\"" + cls + "\").requires(X).produces(OUT).build()); }\n"
        + "  public R evaluate(Inputs in) { int x = in.getInt(X); " + body + " }\n}\n";
  }

  @BeforeAll
  static void buildPlugins() throws Exception {
    jar = PluginJars.jar(work, "unsafe", Map.of(
        "p/AssertingModel.java", model("AssertingModel",
            "if (x == 3) { throw new AssertionError(\"x = 3 breaks an invariant\"); } return new R(x);", ""),
        "p/NanModel.java", model("NanModel", "return new R(x == 2 ? Double.NaN : x);", ""),
        "p/StaticBoomModel.java", model("StaticBoomModel", "return new R(x);",
            "  static final String CONFIG = load();\n"
            + "  static String load() { throw new IllegalStateException(\"no config file boom.yaml\"); }\n"),
        "META-INF/services/io.mlsysim.core.Resolver", "p.AssertingModel\np.NanModel\np.StaticBoomModel\n"));
  }

  /** Status and reason of every candidate x = 0..5 of a study whose pipeline is {@code resolver}. */
  static List<String> study(String resolver) throws Exception {
    String spec = "name: unsafe\npipeline: [" + resolver + "]\nspace:\n  x: {range: [0, 5]}\n"
        + "objectives: [{minimize: out}]\n";
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
      Thread.currentThread().setContextClassLoader(plugin); // as --jars puts it on an executor's class path
      StudyPlan plan = StudyPlan.compile(StudySpec.parse("unsafe.yaml", spec), Zoo.builtIn());
      Candidate c = plan.space().newCandidate();
      Evaluation e = new Evaluation(plan.results().size());
      List<String> out = new ArrayList<>();
      for (long i = 0; i < plan.strategy().count(); i++) {
        plan.strategy().fill(i, c);
        plan.evaluate(c, e);
        out.add(e.status.id() + (e.reason == null ? "" : ": " + e.reason));
      }
      return out;
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  @Test
  void aResolverThrowingAnErrorMakesAnErrorRowWithTheClassAndMessage() throws Exception {
    List<String> rows = study("AssertingModel");
    assertEquals(6, rows.size());
    for (int x = 0; x < 6; x++) {
      assertEquals(x == 3 ? "error: AssertionError: x = 3 breaks an invariant" : "ok", rows.get(x), "x = " + x);
    }
  }

  @Test
  void aNonFiniteResultMakesAnErrorRowNamingTheOutput() throws Exception {
    List<String> rows = study("NanModel");
    for (int x = 0; x < 6; x++) {
      assertEquals(x == 2 ? "error: result out is NaN (not a finite number)" : "ok", rows.get(x), "x = " + x);
    }
  }

  @Test
  void aPluginWhoseStaticInitializerFailsIsNamedWithItsClassAndCause() throws Exception {
    DiscoveryProblem p = ResolverFactory.withPlugins(List.of(jar)).brokenProvider("StaticBoomModel");
    assertEquals(jar.toString(), p.source(), "the plugin");
    assertEquals("p.StaticBoomModel", p.entry(), "the class");
    assertTrue(p.message().contains("the static initializer of p.StaticBoomModel threw "
        + "java.lang.IllegalStateException: no config file boom.yaml"), p.message());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> study("StaticBoomModel"));
    assertTrue(e.getMessage().contains("resolver 'StaticBoomModel' could not be loaded: ")
        && e.getMessage().contains("[p.StaticBoomModel]")
        && e.getMessage().contains("IllegalStateException: no config file boom.yaml"), e.getMessage());
    assertTrue(!e.getMessage().contains("unknown pipeline or resolver"), e.getMessage());
  }
}
