package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.core.plugin.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, explain and zoo resolvers over a real plugin jar loaded with --plugins. */
class PluginCommandsTest {
  @TempDir static Path work;
  static String jar;

  @BeforeAll
  static void buildJar() throws Exception {
    jar = PluginJars.jar(work, "cli-plugins", PluginJars.pluginExampleSources()).toString();
  }

  @Test
  void resolversListingShowsThePluginsOrigin() {
    CliRun r = CliRun.of("zoo", "resolvers", "--plugins", jar);
    assertEquals(0, r.code(), r.err());
    String row = r.out().lines().filter(l -> l.startsWith("PowerEfficiencyModel")).findFirst().orElseThrow();
    assertTrue(row.contains("model") && row.contains("plugin") && row.contains("hardware"), row);
  }

  @Test
  void runEvaluatesAPluginModelWithZooNamesAsInputs() throws Exception {
    CliRun r = CliRun.of("--plugins", jar, "run", "PowerEfficiencyModel", "--set", "hardware=H100", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals("PowerEfficiencyModel", n.get("resolver").asText());
    // H100: 989 TFLOP/s at 700 W, canonical FLOP/s/W, shown in TFLOP/s/W.
    JsonNode fpw = n.get("results").get("flops_per_watt");
    assertEquals(989e12 / 700, fpw.get("value").asDouble(), 1);
    assertEquals("FLOP/s/W", fpw.get("unit").asText());
    assertEquals("1.41 TFLOP/s/W", fpw.get("display").asText());
  }

  @Test
  void runInTextShowsEachFieldWithItsUnit() {
    CliRun r = CliRun.of("run", "PowerEfficiencyModel", "--set", "hardware=A100", "--plugins", jar);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("TFLOP/s/W"), r.out());
  }

  @Test
  void badInputsExitOneNamingTheProblem() {
    CliRun unknownHw = CliRun.of("run", "PowerEfficiencyModel", "--set", "hardware=H10", "--plugins", jar);
    assertEquals(1, unknownHw.code());
    assertEquals("", unknownHw.out());
    assertTrue(unknownHw.err().contains("Did you mean: H100"), unknownHw.err());

    CliRun missing = CliRun.of("run", "PowerEfficiencyModel", "--plugins", jar);
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("hardware"), missing.err());

    CliRun unknownResolver = CliRun.of("run", "PowerEficiencyModel", "--plugins", jar);
    assertEquals(1, unknownResolver.code());
    assertTrue(unknownResolver.err().contains("PowerEfficiencyModel"), unknownResolver.err());
  }

  @Test
  void explainShowsTheDagAndTheInputs() {
    CliRun r = CliRun.of("explain", "PowerEfficiencyModel", "--plugins", jar);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("PowerEfficiencyModel") && r.out().contains("hardware"), r.out());
  }

  @Test
  void aMissingPluginJarIsReportedNotFatal() {
    CliRun r = CliRun.of("zoo", "resolvers", "--plugins", work.resolve("nope.jar").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("warning: "), r.err());
  }

  @Test
  void registryOptionAppliesAnOverlay() {
    Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/registry/examples");
    CliRun r = CliRun.of("zoo", "hardware", "--registry", examples.toString(), "--name", "acme*");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Acme_X1"), r.out());
    io.mlsysim.zoo.Zoo.setCurrent(io.mlsysim.zoo.Zoo.builtIn());
  }

  /** A broken overlay is one line and exit 1 whether it comes from --registry or from MLSYSIM_REGISTRY. */
  @Test
  void aBrokenOverlayIsOneLineThroughTheOptionAndTheEnvironmentAlike() throws Exception {
    Path bad = work.resolve("bad-overlay.yaml");
    java.nio.file.Files.writeString(bad, "kind: hardware\ntier: cloud\nentries:\n  Acme_Y:\n    release_yeer: 2026\n");
    CliRun viaOption = CliRun.of("zoo", "hardware", "--registry", bad.toString());
    String viaEnvironment;
    try {
      System.setProperty("mlsysim.registry", bad.toString()); // what MLSYSIM_REGISTRY sets, in process
      io.mlsysim.zoo.Zoo.setCurrent(null); // read again on first use, as in a fresh process
      CliRun r = CliRun.of("zoo", "hardware");
      assertEquals(1, r.code(), r.err());
      viaEnvironment = r.err();
    } finally {
      System.clearProperty("mlsysim.registry");
      io.mlsysim.zoo.Zoo.setCurrent(io.mlsysim.zoo.Zoo.builtIn());
    }
    assertEquals(1, viaOption.code(), viaOption.err());
    assertEquals("", viaOption.out());
    assertEquals(1, viaOption.err().strip().lines().count(), viaOption.err());
    assertTrue(viaOption.err().startsWith("error: ") && viaOption.err().contains("release_yeer"), viaOption.err());
    assertTrue(!viaOption.err().contains("\tat ") && !viaOption.err().contains("Exception"), viaOption.err());
    assertEquals(viaEnvironment, viaOption.err(), "the same line either way");
  }

  @Test
  void completionScriptCoversTheCommands() {
    CliRun r = CliRun.of("completion");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("zoo") && r.out().contains("run") && r.out().contains("explain"));
  }
}
