package io.mlsysim.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.zoo.UnknownEntryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverFactoryTest {

  private static final String IMPORTS = "package p;\nimport io.mlsysim.core.*;\n";

  /** A plugin resolver named {@code name} in class p.{@code cls}; {@code ctorBody} may throw. */
  private static String resolver(String cls, String name, String ctorBody) {
    return IMPORTS + "public final class " + cls + " extends Model<" + cls + ".R> {\n"
        + "  public record R(int n) implements Result { public void export(Outputs o) { o.putInt(N, n); } }\n"
        + "  static final Port<Integer> N = Port.count(\"n_" + cls.toLowerCase() + "\");\n"
        + "  public " + cls + "() { super(Schema.model(\"" + name + "\").produces(N).build()); " + ctorBody + " }\n"
        + "  public R evaluate(Inputs in) { return new R(7); }\n}\n";
  }

  @Test
  void findsBuiltInsAndClasspathPluginsWithTheirOrigin() {
    ResolverFactory f = ResolverFactory.standard();
    assertTrue(f.listAvailable().containsKey("EchoModel"));
    Map<String, Origin> origin = f.infos().stream()
        .collect(Collectors.toMap(ResolverInfo::name, ResolverInfo::origin));
    assertEquals(Origin.BUILT_IN, origin.get("EchoModel"));
    assertEquals(Origin.CLASSPATH, origin.get("ClasspathModel"));
    assertTrue(f.get("echomodel") instanceof EchoModel, "lookup ignores case");
    assertTrue(f.get("EchoModel") != f.get("EchoModel"), "each get() is a fresh instance");
  }

  @Test
  void unknownNamesGetDidYouMean() {
    UnknownEntryException e = assertThrows(UnknownEntryException.class,
        () -> ResolverFactory.standard().get("EchoModle"));
    assertTrue(e.getMessage().contains("Did you mean: EchoModel"), e.getMessage());
  }

  @Test
  void aBrokenPluginJarIsReportedNotFatal(@TempDir Path dir) throws Exception {
    Path broken = PluginJars.jar(dir, "broken", Map.of(
        "p/Good.java", resolver("Good", "GoodModel", ""),
        "p/Throws.java", resolver("Throws", "ThrowsModel", "if (true) throw new IllegalStateException(\"boom\");"),
        "META-INF/services/io.mlsysim.core.Resolver", "p.Good\np.Missing\np.Throws\n"));
    Path nothing = dir.resolve("absent.jar");
    ResolverFactory f = ResolverFactory.withPlugins(List.of(broken, nothing));
    assertTrue(f.listAvailable().containsKey("GoodModel"), f.report().toString());
    assertEquals(Origin.PLUGIN, f.infos().stream().filter(i -> i.name().equals("GoodModel"))
        .findFirst().orElseThrow().origin());
    assertFalse(f.listAvailable().containsKey("ThrowsModel"));
    String report = f.report().toString();
    assertTrue(report.contains("p.Missing"), report);
    assertTrue(report.contains("p.Throws") && report.contains("boom"), report);
    assertTrue(report.contains("absent.jar") && report.contains("no such file"), report);
    assertEquals(3, f.report().problems().size(), report);
    assertTrue(f.listAvailable().containsKey("EchoModel"), "built-ins survive a broken plugin");
  }

  @Test
  void aPluginReusingABuiltInNameIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
    Path clash = PluginJars.jar(dir, "clash", Map.of(
        "p/Impostor.java", resolver("Impostor", "EchoModel", ""),
        "META-INF/services/io.mlsysim.core.Resolver", "p.Impostor\n"));
    ResolverFactory strict = ResolverFactory.withPlugins(List.of(clash));
    assertTrue(strict.get("EchoModel") instanceof EchoModel);
    assertTrue(strict.report().toString().contains("refused: 'EchoModel' is the name of a built-in"),
        strict.report().toString());
    ResolverFactory lenient = ResolverFactory.withPlugins(List.of(clash), true);
    assertEquals("p.Impostor", lenient.get("EchoModel").getClass().getName());
    assertEquals(Origin.PLUGIN, lenient.infos().stream().filter(i -> i.name().equals("EchoModel"))
        .findFirst().orElseThrow().origin());
  }
}
