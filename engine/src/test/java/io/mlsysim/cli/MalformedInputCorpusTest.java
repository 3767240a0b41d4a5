package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad plans and command lines: each must exit 1 with one line on stderr that names the field
 * and says what to do, print nothing on stdout and show no stack trace.
 */
class MalformedInputCorpusTest {
  @TempDir static Path dir;

  private static final String OK_HEAD = "version: 1\nname: p\nworkload: Llama3_8B\n";

  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of("bad YAML syntax", "version: 1\nname: [unclosed\n", new String[] {"plan.yaml:"}),
        Arguments.of("unknown top-level key", OK_HEAD + "hardware: H100\ncolour: red\n", new String[] {"colour", "allowed fields"}),
        Arguments.of("unknown ops key", OK_HEAD + "hardware: H100\nops: {batchsize: 8}\n", new String[] {"batchsize", "ops"}),
        Arguments.of("wrong unit for duration", "version: 1\nname: p\nworkload: Llama3_70B\nfleet: Frontier_8K\nops: {tp: 8, duration: 30 GB}\n",
            new String[] {"ops.duration", "time"}),
        Arguments.of("negative batch", OK_HEAD + "hardware: H100\nops: {batch: -4}\n", new String[] {"ops.batch", "positive"}),
        Arguments.of("missing workload", "version: 1\nname: p\nhardware: H100\n", new String[] {"workload is required"}),
        Arguments.of("missing version", "name: p\nworkload: Llama3_8B\nhardware: H100\n", new String[] {"version", "version: 1"}),
        Arguments.of("unknown hardware with a near name", OK_HEAD + "hardware: H10\n", new String[] {"hardware", "Did you mean: H100"}),
        Arguments.of("both hardware and fleet", OK_HEAD + "hardware: H100\nfleet: Frontier_8K\n", new String[] {"exactly one"}),
        Arguments.of("tp*pp not dividing the fleet", "version: 1\nname: p\nworkload: Llama3_70B\nfleet: Frontier_8K\nops: {tp: 3, pp: 1}\n",
            new String[] {"ops.tp", "8192", "divides"}),
        Arguments.of("efficiency 1.5", OK_HEAD + "hardware: H100\nops: {efficiency: 1.5}\n", new String[] {"ops.efficiency", "(0, 1]"}),
        Arguments.of("unknown precision", OK_HEAD + "hardware: H100\nops: {precision: fp12}\n", new String[] {"precision", "fp16"}),
        Arguments.of("assert without bounds", OK_HEAD + "hardware: H100\nconstraints:\n  assert:\n    - {metric: p_latency_ms}\n",
            new String[] {"p_latency_ms", "min nor max"}),
        Arguments.of("assert min above max", OK_HEAD + "hardware: H100\nconstraints:\n  assert:\n    - {metric: mfu, min: 0.9, max: 0.1}\n",
            new String[] {"min 0.9 is above max 0.1"}),
        Arguments.of("duplicate key", OK_HEAD + "hardware: H100\nhardware: A100\n", new String[] {"duplicate key", "hardware"}),
        Arguments.of("unknown region", OK_HEAD + "hardware: H100\nops: {region: Quebek}\n", new String[] {"region", "Quebec"}),
        Arguments.of("unsupported version", "version: 7\nname: p\nworkload: Llama3_8B\nhardware: H100\n", new String[] {"version 7", "version 1"}),
        Arguments.of("parallelism on one device", OK_HEAD + "hardware: H100\nops: {tp: 2}\n", new String[] {"need a fleet"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void badPlanIsRefusedWithOneClearLine(String label, String yaml, String[] mustMention) throws Exception {
    Path f = dir.resolve("plan.yaml");
    Files.writeString(f, yaml);
    assertRefused(CliRun.of("validate", f.toString()), mustMention);
  }

  static Stream<Arguments> commandLines() {
    return Stream.of(
        line(new String[] {"zoo", "hardware", "--tier", "orbit"}, "--tier", "orbit", "cloud"),
        line(new String[] {"train", "Llama3_70B", "Frontier_8K", "--tp", "three"}, "--tp", "three", "whole number"),
        line(new String[] {"train", "Llama3_70X", "Frontier_8K"}, "Llama3_70X", "Llama3_70B"),
        line(new String[] {"eval", "Llama3_8B", "H100", "--efficiency", "1.5"}, "efficiency", "(0, 1]"),
        line(new String[] {"train", "Llama3_70B", "Frontier_8K", "--set", "straggler_factor=0.5"}, "straggler_factor",
            "0.5", ">= 1"),
        line(new String[] {"train", "Llama3_70B", "Frontier_8K", "--precision", "int4"}, "precision", "int4", "bf16"),
        line(new String[] {"eval", "Llama3_70B", "Frontier_8K", "--efficiency", "0.5"}, "--efficiency",
            "single device"),
        line(new String[] {"run", "DistributedModel", "--set", "workload=Llama3_70B", "--set", "fleet=Frontier_8K",
            "--set", "seq_len=-5"}, "seq_len", "-5"),
        line(new String[] {"run", "SynthesisSolver", "--set", "workload=Llama3_8B", "--set", "target_latency=5 GB"},
            "target_latency", "GB"),
        line(new String[] {"validate", "no-such-plan.yaml"}, "no-such-plan.yaml", "no such plan file"),
        line(new String[] {"zoo", "hardware", "--output", "yaml"}, "--output", "yaml", "json"),
        line(new String[] {"eval", "Llama3_8B", "H100", "--batchsize", "8"}, "--batchsize", "did you mean '--batch"),
        line(new String[] {"zoo", "hardwre"}, "hardwre", "did you mean 'hardware'"),
        line(new String[] {"stdy", "run", "x.yaml"}, "stdy", "did you mean 'study'"),
        line(new String[] {"eval", "Llama3_8B", "H100", "extra"}, "unexpected argument 'extra'", "eval --help"),
        line(new String[] {"serve", "Llama3_8B"}, "HARDWARE", "serve --help"));
  }

  private static Arguments line(String[] args, String... mustMention) {
    return Arguments.of(args, mustMention);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void badCommandLineIsRefusedWithOneClearLine(String[] args, String[] mustMention) {
    assertRefused(CliRun.of(args), mustMention);
  }

  private static void assertRefused(CliRun r, String[] mustMention) {
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    String first = r.err().lines().findFirst().orElse("");
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    assertTrue(first.startsWith("error: "), first);
    assertFalse(first.contains("Exception"), first);
    for (String m : mustMention) {
      assertTrue(first.contains(m), "'" + m + "' missing from: " + first);
    }
  }
}
