package io.mlsysim.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.systems.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation walk: each physical or bookkeeping rule, broken once in a small overlay file,
 * must be refused with a message that names the file, the line and the field.
 */
class ZooOverlayValidationTest {
  @TempDir
  Path dir;

  private static final String SOURCE = """
          source:
            kind: datasheet
            ref: Test chip brief
            url: https://example.com/mychip
            verified: 2025-01-15
      """;

  /** A valid chip; {@code replace} pairs swap one line of it to break one rule. */
  private static String chip(String... replace) {
    String yaml = """
        kind: hardware
        tier: edge
        entries:
          MyChip:
            release_year: 2024
            compute:
              peak_flops: 100 TFLOP/s
            memory:
              capacity: 16 GiB
              bandwidth: 400 GB/s
            tdp: 75 W
        """ + SOURCE;
    for (int i = 0; i < replace.length; i += 2) {
      assertTrue(yaml.contains(replace[i]), "template has " + replace[i]);
      yaml = yaml.replace(replace[i], replace[i + 1]);
    }
    return yaml;
  }

  private static String transformer(int hidden, int heads) {
    return """
        kind: workload
        tier: language
        entries:
          MyLM:
            type: transformer
            parameters: 1e+9
            layers: 16
            hidden_size: %d
            heads: %d
            source: {kind: illustrative, ref: test model, verified: 2025-01-15}
        """.formatted(hidden, heads);
  }

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  /** 1-based line of the first line of {@code yaml} containing {@code needle}. */
  private static int lineOf(String yaml, String needle) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + needle);
  }

  /** Loads the overlay, expects a refusal at {@code file:line} whose message names every fragment. */
  private String refused(String yaml, String lineNeedle, String... fragments) throws IOException {
    Path p = write("overlay.yaml", yaml);
    ZooException e = assertThrows(ZooException.class, () -> Zoo.withOverlays(List.of(p)));
    String m = e.getMessage();
    String where = p + ":" + lineOf(yaml, lineNeedle) + ":";
    assertTrue(m.startsWith(where), "expected '" + where + "' at the start of: " + m);
    for (String f : fragments) {
      assertTrue(m.contains(f), "expected '" + f + "' in: " + m);
    }
    return m;
  }

  @Test
  void nonPositiveCapacity() throws IOException {
    refused(chip("capacity: 16 GiB", "capacity: 0 GiB"), "capacity: 0 GiB", "memory.capacity", "positive");
  }

  @Test
  void nonPositiveBandwidth() throws IOException {
    refused(chip("bandwidth: 400 GB/s", "bandwidth: -5 GB/s"), "bandwidth: -5 GB/s", "memory.bandwidth", "positive");
  }

  @Test
  void ridgePointAboveTheCeiling() throws IOException {
    // 100 PFLOP/s over 10 GB/s is 10^7 FLOP/B, far past any real memory system's 5000.
    refused(chip("peak_flops: 100 TFLOP/s", "peak_flops: 100 PFLOP/s", "bandwidth: 400 GB/s", "bandwidth: 10 GB/s"),
        "MyChip:", "ridge point", "5000", "memory.bandwidth");
  }

  @Test
  void tdpAbove150Kilowatts() throws IOException {
    refused(chip("tdp: 75 W", "tdp: 200 kW"), "MyChip:", "tdp", "150 kW");
  }

  @Test
  void transformerHeadSizeOutsideTheUsualRange() throws IOException {
    refused(transformer(4096, 4), "MyLM:", "head size", "1024", "32–256");
    refused(transformer(1024, 64), "MyLM:", "head size", "16", "32–256");
  }

  @Test
  void hiddenSizeNotAMultipleOf64() throws IOException {
    refused(transformer(1000, 8), "MyLM:", "hidden_size", "1000", "multiple of 64");
  }

  @Test
  void vocabSizeMustBePositive() throws IOException {
    String yaml = transformer(1024, 16).replace("heads: 16", "heads: 16\n    vocab_size: 0");
    refused(yaml, "MyLM:", "vocab_size", "positive", "0");
  }

  @Test
  void vocabSizeOnANonTransformerIsRefusedNotDropped() throws IOException {
    String yaml = """
        kind: workload
        tier: vision
        entries:
          MyCNN:
            type: cnn
            parameters: 1e+6
            inference_flops: 1 GFLOP
            vocab_size: 1000
            source: {kind: illustrative, ref: test model, verified: 2025-01-15}
        """;
    refused(yaml, "MyCNN:", "vocab_size", "transformer and moe", "cnn");
  }

  @Test
  void vocabSizeIsReadFromAnOverlay() throws IOException {
    String yaml = transformer(1024, 16).replace("heads: 16", "heads: 16\n    vocab_size: 50000");
    Zoo zoo = Zoo.withOverlays(List.of(write("lm.yaml", yaml)));
    assertEquals(50000, ((io.mlsysim.workloads.TransformerWorkload) zoo.workloads().get("MyLM")).vocabSize());
    Zoo without = Zoo.withOverlays(List.of(write("lm.yaml", transformer(1024, 16))));
    assertEquals(0, ((io.mlsysim.workloads.TransformerWorkload) without.workloads().get("MyLM")).vocabSize(), "absent is 0");
  }

  @Test
  void wrongDimensionNamesTheFieldAndTheExpectedKind() throws IOException {
    refused(chip("capacity: 16 GiB", "capacity: 80 GB/s"), "capacity: 80 GB/s", "memory.capacity", "data size",
        "80 GB/s");
  }

  @Test
  void unknownField() throws IOException {
    refused(chip("tdp: 75 W", "tdp: 75 W\n    tdp_typical: 60 W"), "tdp_typical", "tdp_typical", "unknown field");
  }

  @Test
  void duplicateKeys() throws IOException {
    String yaml = chip("tdp: 75 W", "tdp: 75 W\n    tdp: 80 W");
    Path p = write("dup.yaml", yaml);
    ZooException e = assertThrows(ZooException.class, () -> Zoo.withOverlays(List.of(p)));
    int second = lineOf(yaml, "tdp: 80 W");
    assertTrue(e.getMessage().startsWith(p + ":" + second + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate key") && e.getMessage().contains("tdp"), e.getMessage());

    String twice = chip() + chip().substring(chip().indexOf("  MyChip:"));
    Path q = write("dup-entry.yaml", twice);
    ZooException f = assertThrows(ZooException.class, () -> Zoo.withOverlays(List.of(q)));
    assertTrue(f.getMessage().startsWith(q + ":"), f.getMessage());
    assertTrue(f.getMessage().contains("duplicate key") && f.getMessage().contains("MyChip"), f.getMessage());
  }

  @Test
  void missingSource() throws IOException {
    refused(chip(SOURCE, ""), "MyChip:", "source is required");
  }

  @Test
  void datasheetWithoutUrl() throws IOException {
    refused(chip("      url: https://example.com/mychip\n", ""), "MyChip:", "source", "datasheet", "url");
  }

  @Test
  void estimateWithoutNotes() throws IOException {
    refused(chip("kind: datasheet", "kind: estimate"), "MyChip:", "source", "estimate", "notes");
  }

  @Test
  void replacingABuiltInNeedsOverride() throws IOException {
    refused(chip("MyChip:", "H100:"), "H100:", "hardware 'H100' already exists", "override: true");
  }

  @Test
  void overrideWithNothingToReplace() throws IOException {
    refused(chip("tdp: 75 W", "tdp: 75 W\n    override: true"), "MyChip:", "override: true", "no hardware 'MyChip'");
  }

  @Test
  void validOverlayAddsAChipAndANodeThatUsesIt() throws IOException {
    Path chipFile = write("a-chip.yaml", chip());
    Path nodeFile = write("b-node.yaml", """
        kind: node
        entries:
          MyBox:
            accelerator: mychip
            accelerators_per_node: 4
            intra_node_bandwidth: 100 GB/s
            source: {kind: illustrative, ref: test node, verified: 2025-01-15}
        """);
    Zoo zoo = Zoo.withOverlays(List.of(chipFile, nodeFile));
    HardwareNode mine = zoo.hardware().get("MyChip");
    assertEquals(100e12, mine.compute().peakFlops(), 1);
    assertEquals(16 * Math.pow(2, 30), mine.memory().capacity(), 1);
    assertEquals("edge", zoo.hardware().entry("MyChip").tier());
    assertEquals(chipFile.toString(), zoo.hardware().entry("MyChip").origin());
    Node box = zoo.nodes().get("MyBox");
    assertSame(mine, box.accelerator());
    assertEquals(4, box.acceleratorsPerNode());
    assertEquals(46, zoo.hardware().size());
    assertEquals(List.of(chipFile.toString(), nodeFile.toString()), zoo.overlays());
    // A folder of overlays loads the same files in name order.
    assertEquals(zoo.digest(), Zoo.withOverlays(List.of(dir)).digest());
  }

  @Test
  void explicitOverrideReplacesABuiltIn() throws IOException {
    String yaml = chip("MyChip:", "H100:", "tdp: 75 W", "tdp: 75 W\n    override: true");
    Zoo zoo = Zoo.withOverlays(List.of(write("h100.yaml", yaml)));
    assertEquals(75, zoo.hardware().get("H100").tdp(), 1e-9);
    assertEquals(700, Zoo.builtIn().hardware().get("H100").tdp(), 1e-9);
    assertEquals(45, zoo.hardware().size());
  }

  @Test
  void digestFollowsTheNumbers() throws IOException {
    String builtIn = Zoo.builtIn().digest();
    assertTrue(builtIn.matches("[0-9a-f]{64}"), builtIn);
    assertEquals(builtIn, Zoo.builtIn().digest(), "same zoo, same digest");
    Path p = write("chip.yaml", chip());
    String withChip = Zoo.withOverlays(List.of(p)).digest();
    assertNotEquals(builtIn, withChip);
    assertEquals(withChip, Zoo.withOverlays(List.of(p)).digest(), "stable across builds");
    // Same numbers spelt differently: same digest.
    Path q = write("chip2.yaml", chip("capacity: 16 GiB", "capacity: 17.179869184 GB"));
    Files.delete(p);
    assertEquals(withChip, Zoo.withOverlays(List.of(q)).digest());
  }
}
