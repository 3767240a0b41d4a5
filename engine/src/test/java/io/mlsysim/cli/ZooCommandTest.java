package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.zoo.Zoo;
import org.junit.jupiter.api.Test;

class ZooCommandTest {

  @Test
  void hardwareTableHasAHeaderAndARowPerEntry() {
    CliRun r = CliRun.of("zoo", "hardware");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].matches("name\\s+tier\\s+year\\s+peak\\s+memory\\s+bandwidth.*TDP\\s+cost.*"), lines[0]);
    assertEquals(Zoo.current().hardware().size() + 2, lines.length);
    String h100 = r.out().lines().filter(l -> l.startsWith("H100 ")).findFirst().orElseThrow();
    // 989 TFLOP/s peak, 80 GiB (85.9 GB: sizes print in SI units), 3.35 TB/s, 700 W, 25,000 USD: the datasheet figures.
    for (String cell : new String[] {"2022", "989 TFLOP/s", "85.9 GB", "3.35 TB/s", "700 W", "25,000 USD"}) {
      assertTrue(h100.contains(cell), h100 + " lacks " + cell);
    }
  }

  @Test
  void jsonIsAnArrayOfEntriesWithUnits() throws Exception {
    CliRun r = CliRun.of("zoo", "hardware", "--output", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode arr = new ObjectMapper().readTree(r.out());
    assertTrue(arr.isArray());
    assertEquals(Zoo.current().hardware().size(), arr.size());
    JsonNode h100 = null;
    for (JsonNode n : arr) {
      if (n.get("name").asText().equals("H100")) {
        h100 = n;
      }
    }
    assertEquals(989e12, h100.get("peak_flops").get("value").asDouble(), 1);
    assertEquals("FLOP/s", h100.get("peak_flops").get("unit").asText());
    assertEquals(80 * Math.pow(2, 30), h100.get("memory_capacity").get("value").asDouble(), 1);
    assertEquals("B", h100.get("memory_capacity").get("unit").asText());
    assertEquals("W", h100.get("tdp").get("unit").asText());
  }

  @Test
  void workloadJsonCarriesTheVocabularyOrNullWhenUnknown() throws Exception {
    CliRun r = CliRun.of("zoo", "workloads", "-o", "json");
    assertEquals(0, r.code(), r.err());
    java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
    for (JsonNode n : new ObjectMapper().readTree(r.out())) {
      byName.put(n.get("name").asText(), n);
    }
    assertEquals(128_256, byName.get("Llama3_8B").get("vocab_size").asInt());
    assertTrue(byName.get("GPT4").get("vocab_size").isNull(), "unpublished: " + byName.get("GPT4"));
    assertTrue(byName.get("ResNet50").get("vocab_size").isNull(), "not a transformer");
    String text = CliRun.of("zoo", "workloads", "--name", "Llama3_8B").out();
    assertTrue(text.lines().findFirst().orElseThrow().contains("vocab"), text);
    assertTrue(text.contains("128256"), text);
  }

  @Test
  void outputOptionIsAcceptedAnywhere() {
    assertEquals(CliRun.of("zoo", "hardware", "-o", "json").out(), CliRun.of("--output", "json", "zoo", "hardware").out());
    assertEquals(CliRun.of("zoo", "hardware", "-o", "json").out(), CliRun.of("zoo", "--output=json", "hardware").out());
  }

  @Test
  void markdownIsATable() {
    CliRun r = CliRun.of("zoo", "hardware", "--output", "markdown", "--name", "H100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("| name | tier | year |"), r.out());
    assertEquals(3, r.out().split("\n").length);
  }

  @Test
  void filtersByNamePatternAndTier() {
    CliRun r = CliRun.of("zoo", "hardware", "--name", "h1*", "--tier", "CLOUD");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().skip(2).allMatch(l -> l.startsWith("H1")), r.out());
  }

  @Test
  void badInputExitsOneWithNothingOnStdout() {
    for (String[] args : new String[][] {
        {"zoo", "hardware", "--tier", "orbit"},
        {"zoo", "hardware", "--output", "xml"},
        {"zoo", "hardwar"},
        {"zoo", "hardware", "--colour"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(1, r.code(), String.join(" ", args));
      assertEquals("", r.out(), String.join(" ", args));
      assertTrue(r.err().startsWith("error: "), r.err());
      assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void unknownTierMessageListsTheTiers() {
    CliRun r = CliRun.of("zoo", "hardware", "--tier", "orbit");
    assertTrue(r.err().contains("--tier") && r.err().contains("'orbit'") && r.err().contains("cloud"), r.err());
  }

  @Test
  void wallsListsTheTaxonomyAndFiltersByDomain() {
    CliRun all = CliRun.of("zoo", "walls");
    assertEquals(0, all.code(), all.err());
    assertEquals(22 + 2, all.out().split("\n").length);
    CliRun fleet = CliRun.of("zoo", "walls", "--domain", "fleet");
    assertEquals(3 + 2, fleet.out().split("\n").length, fleet.out());
    assertTrue(fleet.out().contains("DistributedModel"));
    assertEquals(1, CliRun.of("zoo", "walls", "--domain", "space").code());
  }
}
