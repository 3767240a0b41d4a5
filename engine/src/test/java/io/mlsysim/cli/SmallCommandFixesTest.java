package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16's smaller CLI items, each through the real command line in process. */
class SmallCommandFixesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] TRAIN = {"train", "Llama3_70B", "Frontier_8K", "--tp", "8", "--pp", "4", "-o", "json"};

  private static String[] with(String[] base, String... more) {
    List<String> l = new ArrayList<>(List.of(base));
    l.addAll(List.of(more));
    return l.toArray(new String[0]);
  }

  /** --set overlap_comm takes the spellings a study takes; all give the step that "true" gives. */
  @Test
  void aFlagOnTheCommandLineTakesEverySpelling() {
    CliRun on = CliRun.of(with(TRAIN, "--set", "overlap_comm=true"));
    CliRun off = CliRun.of(with(TRAIN, "--set", "overlap_comm=false"));
    assertEquals(0, on.code(), on.err());
    assertEquals(0, off.code(), off.err());
    assertTrue(!on.out().equals(off.out()), "overlap_comm changes the step, so the spellings below are tested");
    for (String yes : List.of("1", "yes", "YES", "True")) {
      CliRun r = CliRun.of(with(TRAIN, "--set", "overlap_comm=" + yes));
      assertEquals(0, r.code(), yes + ": " + r.err());
      assertEquals(on.out(), r.out(), yes);
    }
    for (String no : List.of("0", "no", "False")) {
      assertEquals(off.out(), CliRun.of(with(TRAIN, "--set", "overlap_comm=" + no)).out(), no);
    }
    CliRun bad = CliRun.of(with(TRAIN, "--set", "overlap_comm=maybe"));
    assertEquals(1, bad.code());
    assertEquals("", bad.out());
    assertTrue(bad.err().contains("overlap_comm") && bad.err().contains("maybe")
        && bad.err().contains("true/false, yes/no or 1/0"), bad.err());
  }

  /** The zoo has no electricity price for Quebec: the line says so instead of passing 0.12 off as the region's. */
  @Test
  void aRegionWithoutAPriceSaysTheDefaultIsNotTheRegions() {
    CliRun r = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "8", "--pp", "4", "--days", "30",
        "--region", "Quebec");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("electricity at 0.12 USD/kWh (default: the grid has no electricity price in the zoo; "
        + "set electricity_price for the region's)"), r.out());
    CliRun priced = CliRun.of("train", "Llama3_70B", "Frontier_8K", "--tp", "8", "--pp", "4", "--days", "30",
        "--region", "Quebec", "--set", "electricity_price=0.05 USD/kWh");
    assertTrue(priced.out().contains("electricity at 0.05 USD/kWh (explicit)"), priced.out());
  }

  /** The ranked table tells its candidates apart: as many distinct numbers as distinct objectives. */
  @Test
  void theOptimizeTableShowsEnoughDigitsToRankCandidates() throws Exception {
    String[] line = {"optimize", "parallelism", "--set", "workload=Llama3_70B", "--set", "fleet=Frontier_8K",
        "--set", "batch=1024"};
    JsonNode ranked = JSON.readTree(CliRun.of(with(line, "-o", "json")).out()).get("ranked");
    Set<Double> objectives = new HashSet<>();
    ranked.forEach(c -> objectives.add(c.get("objective").asDouble()));
    CliRun text = CliRun.of(line);
    assertEquals(0, text.code(), text.err());
    List<String> cells = text.out().lines().dropWhile(l -> !l.startsWith("rank")).skip(2)
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    assertEquals(ranked.size(), cells.size(), text.out());
    assertEquals(objectives.size(), new HashSet<>(cells).size(), "one printed number per distinct objective: " + cells);
    for (int i = 0; i < cells.size(); i++) { // each printed number rounds its own objective
      double v = ranked.get(i).get("objective").asDouble();
      assertEquals(v, Double.parseDouble(cells.get(i)), Math.abs(v) * 5e-3, cells.get(i));
    }
  }

  @Test
  void distinctDigitsAddsDigitsOnlyWhereNeeded() {
    assertEquals(List.of("0.166", "0.160", "0.137"), DistinctDigits.format(List.of(0.1663, 0.16, 0.1371)));
    assertEquals(List.of("0.13490", "0.13487"), DistinctDigits.format(List.of(0.1349, 0.13487)));
    assertEquals(List.of("12.0", "12.0"), DistinctDigits.format(List.of(12.0, 12.0)), "equal values stay equal");
  }

  /** One convention for sizes: the H100's 80 GiB (80·2³⁰ B = 85.9e9 B) reads the same in the zoo and in eval. */
  @Test
  void aChipsMemoryReadsTheSameInEveryTable() {
    String shown = String.format(java.util.Locale.ROOT, "%.1f GB", 80 * Math.pow(2, 30) / 1e9);
    assertEquals("85.9 GB", shown);
    CliRun zoo = CliRun.of("zoo", "hardware", "--name", "H100");
    assertTrue(zoo.out().contains(shown), zoo.out());
    CliRun serve = CliRun.of("serve", "Llama3_8B", "H100", "--batch", "8");
    assertTrue(serve.out().contains("serving_memory_capacity       " + shown)
        || serve.out().lines().anyMatch(l -> l.startsWith("serving_memory_capacity") && l.endsWith(shown)), serve.out());
    CliRun eval = CliRun.of("eval", "Llama3_8B", "H100");
    assertTrue(eval.out().contains("/ " + shown + " used"), eval.out());
    for (CliRun r : List.of(zoo, serve, eval)) {
      assertTrue(!r.out().contains("GiB"), "no binary units beside SI ones: " + r.out());
    }
  }

  @Test
  void explainPrintsJsonWithTheSameFactsAsTheText() throws Exception {
    CliRun r = CliRun.of("explain", "SustainabilityModel", "DistributedModel", "-o", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = JSON.readTree(r.out());
    assertEquals("DistributedModel", n.get("stages").get(0).get("stage").asText(), "dependency order");
    assertEquals("SustainabilityModel", n.get("stages").get(1).get("stage").asText());
    List<String> required = new ArrayList<>();
    n.get("required_inputs").forEach(i -> required.add(i.get("name").asText()));
    assertTrue(required.containsAll(List.of("workload", "fleet", "duration")), required.toString());
    CliRun text = CliRun.of("explain", "SustainabilityModel", "DistributedModel");
    for (String name : required) { // the text lists the same required inputs
      assertTrue(text.out().contains("  " + name + ": "), name);
    }
    Set<Integer> walls = new HashSet<>();
    n.get("stages").forEach(s -> s.get("walls").forEach(w -> walls.add(w.asInt())));
    Set<Integer> covered = new HashSet<>();
    n.get("walls_covered").forEach(w -> covered.add(w.asInt()));
    assertEquals(walls, covered, "walls covered are the union of the stages' walls");
  }
}
