package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.zoo.Zoo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StudySpecTest {
  static final Zoo ZOO = Zoo.builtIn();

  static final String SMALL = """
      name: small
      pipeline: [DistributedModel]
      fixed:
        workload: Llama3_8B
        microbatch_size: 1
        batch: 1024
      space:
        fleet: [Lab_64_H100, Training_1K_A100]
        tp: {powers_of_two: [1, 8]}
        pp: {range: [1, 4]}
        overlap_efficiency: {continuous: [0.5, 0.9], grid_points: 2}
      conditions:
        - pp divides layers
      constraints:
        - rank_memory_utilization <= 0.9
      objectives:
        - minimize: step_latency_s
        - maximize: mfu
      """;

  static String error(String text) {
    return assertThrows(StudySpecException.class,
        () -> StudyPlan.compile(StudySpec.parse("study.yaml", text), ZOO)).getMessage();
  }

  @Test
  void theQuickstartCompiles() {
    StudyPlan plan = StudyPlan.compile(StudySpec.read(Path.of("../configs/studies/quickstart.yaml")), ZOO);
    assertEquals("quickstart", plan.name());
    // fleet 5 × precision 2 × grid 4 × tp 4 × pp 5 × sequence_parallel 2 × microbatch_size 3 × interleave 3
    // × zero_stage 4
    assertEquals(5 * 2 * 4 * 4 * 5 * 2 * 3 * 3 * 4, plan.strategy().count());
    assertEquals("DistributedModel+TrainingRunModel+SustainabilityModel+EconomicsModel", plan.evaluatorName());
    assertTrue(plan.results().stream().anyMatch(r -> r.name().equals("duration_s") && r.unit().equals("s")));
    assertTrue(plan.results().stream().anyMatch(r -> r.name().equals("tco_usd") && r.unit().equals("USD")));
    assertEquals(64, plan.specSha256().length());
    assertTrue(plan.sources().stream().anyMatch(s -> s.kind().equals("hardware") && s.name().equals("H100")));
    assertTrue(plan.sources().stream().anyMatch(s -> s.kind().equals("calibration")));
    assertTrue(plan.sources().stream().anyMatch(s -> s.kind().equals("fleet") && s.name().equals("Training_1K")));
  }

  @Test
  void aSmallStudyEvaluates() {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("small.yaml", SMALL), ZOO);
    assertEquals(2 * 4 * 4 * 2, plan.strategy().count());
    Candidate c = plan.space().newCandidate();
    Evaluation e = new Evaluation(plan.results().size());
    int ok = 0;
    int admitted = 0;
    for (long i = 0; i < plan.strategy().count(); i++) {
      plan.strategy().fill(i, c);
      if (!plan.admits(c)) {
        continue; // pp = 3 does not divide 32 layers
      }
      admitted++;
      plan.evaluate(c, e);
      if (e.status == Evaluation.Status.OK) {
        ok++;
        double mfu = e.values[slot(plan, "mfu")];
        assertTrue(e.values[slot(plan, "step_latency_s")] > 0 && e.values[slot(plan, "rank_memory_utilization")] <= 0.9
            && mfu > 0 && mfu <= 1, "mfu in (0, 1]");
      } else {
        assertTrue(e.reason != null && !e.reason.isEmpty());
      }
    }
    assertEquals(2 * 4 * 3 * 2, admitted);
    assertTrue(ok > 0);
  }

  static int slot(StudyPlan plan, String result) {
    return plan.results().stream().map(ResultField::name).toList().indexOf(result);
  }

  @Test
  void errorsNameFileLineFieldValueAndFix() {
    String unknownKey = error(SMALL.replace("conditions:", "conditons:"));
    assertTrue(unknownKey.startsWith("study.yaml:12: conditons: unknown field 'conditons' at the top level; did you mean 'conditions'?"),
        unknownKey);
    String unknownFleet = error(SMALL.replace("Training_1K_A100]", "Training_1K_A10O]"));
    assertTrue(unknownFleet.startsWith("study.yaml:8: space.fleet[1]:"), unknownFleet);
    assertTrue(unknownFleet.contains("Training_1K_A10O") && unknownFleet.contains("Training_1K_A100"), unknownFleet);
    String badRange = error(SMALL.replace("range: [1, 4]", "range: [4, 1]"));
    assertTrue(badRange.startsWith("study.yaml:10: space.pp.range:") && badRange.contains("[4, 1]"), badRange);
    String badObjective = error(SMALL.replace("maximize: mfu", "maximize: mfux"));
    assertTrue(badObjective.startsWith("study.yaml:18: objectives[1]:") && badObjective.contains("did you mean 'mfu'"),
        badObjective);
    String badCondition = error(SMALL.replace("pp divides layers", "pp divides layrs"));
    assertTrue(badCondition.startsWith("study.yaml:13: conditions[0]:") && badCondition.contains("layers"),
        badCondition);
    String badInput = error(SMALL.replace("tp: {", "tpp: {"));
    assertTrue(badInput.contains("space.tpp") && badInput.contains("did you mean 'tp'"), badInput);
    String dup = error(SMALL.replace("  pp: {range: [1, 4]}", "  pp: {range: [1, 4]}\n  tp: [1]"));
    assertTrue(dup.startsWith("study.yaml:11:") && dup.contains("duplicate key"), dup);
    String strategy = error(SMALL + "strategy: {kind: randomm}\n");
    assertTrue(strategy.contains("strategy.kind") && strategy.contains("latin_hypercube"), strategy);
    String missing = error(SMALL.replace("  workload: Llama3_8B\n", ""));
    assertTrue(missing.contains("needs input 'workload'"), missing);
    String badWorkload = error(SMALL.replace("Llama3_8B", "Lama3_8B"));
    assertTrue(badWorkload.startsWith("study.yaml:4: fixed.workload:") && badWorkload.contains("Llama3_8B"), badWorkload);
  }

  @Test
  void constraintNumbersMayCarryUnits() {
    StudyPlan plan = StudyPlan.compile(StudySpec.parse("u.yaml", SMALL.replace("rank_memory_utilization <= 0.9",
        "step_latency_s <= 250 ms")), ZOO);
    Candidate c = plan.space().newCandidate();
    Evaluation e = new Evaluation(plan.results().size());
    int step = slot(plan, "step_latency_s");
    int checked = 0;
    for (long i = 0; i < plan.strategy().count(); i++) {
      plan.strategy().fill(i, c);
      if (!plan.admits(c)) {
        continue;
      }
      plan.evaluate(c, e);
      if (e.feasible && e.status != Evaluation.Status.ERROR) {
        assertEquals(e.values[step] <= 0.25, e.status == Evaluation.Status.OK, "250 ms is 0.25 s");
        checked++;
      }
    }
    assertTrue(checked > 0);
    String bad = error(SMALL.replace("rank_memory_utilization <= 0.9", "step_latency_s <= 250 parsecs"));
    assertTrue(bad.contains("constraints[0]") && bad.contains("parsecs"), bad);
  }

  @Test
  void bothSidesOfAComparisonAreTheSameKindOfQuantity() {
    String c = "rank_memory_utilization <= 0.9";
    String money = error(SMALL.replace(c, "step_latency_s <= 3 kg"));
    assertTrue(money.startsWith("study.yaml:15: constraints[0]: 'step_latency_s <= 3 kg': compares time (s) with "
        + "mass (kg)"), money);
    String sum = error(SMALL.replace(c, "step_latency_s + 2 kg <= 1"));
    assertTrue(sum.contains("adds time (s) and mass (kg)"), sum);
    String ratio = error(SMALL.replace(c, "mfu <= 3 s"));
    assertTrue(ratio.contains("compares dimensionless number (1) with time (s)"), ratio);
    // a plain number fits any kind; a dimensionless factor keeps the kind; a ratio of times is a number
    for (String ok : new String[] {"step_latency_s <= 2", "2 * step_latency_s <= 1 h", "step_latency_s / 2 <= 1 s",
        "step_latency_s / step_latency_s <= 1", "step_latency_s + 1 ms <= 1 s"}) {
      StudyPlan.compile(StudySpec.parse("ok.yaml", SMALL.replace(c, ok)), ZOO);
    }
  }

  @Test
  void everyValueMeetsTheDomainTheCommandLineApplies() {
    // The study reader has no rule of its own: the port's check decides, with the port's words.
    String portSays = assertThrows(IllegalArgumentException.class,
        () -> io.mlsysim.core.EdgeValues.toNumber(io.mlsysim.models.CommonPorts.ZERO_STAGE, 4L)).getMessage();
    String stage = error(SMALL.replace("batch: 1024", "batch: 1024\n  zero_stage: 4"));
    assertEquals("study.yaml:7: fixed.zero_stage: " + portSays, stage);
    String overlap = error(SMALL.replace("[0.5, 0.9]", "[0.5, 1.2]"));
    assertTrue(overlap.contains("space.overlap_efficiency.continuous: input 'overlap_efficiency' must be in [0, 1], "
        + "got 1.2"), overlap);
    String tp = error(SMALL.replace("tp: {powers_of_two: [1, 8]}", "tp: [0, 8]"));
    assertTrue(tp.contains("space.tp[0]: input 'tp' must be positive, got 0"), tp);
    String inf = error(SMALL.replace("batch: 1024", "batch: 1024\n  congestion_factor: 1e400"));
    assertTrue(inf.contains("fixed.congestion_factor: value Infinity is not a finite number"), inf);
  }

  @Test
  void oneDocumentOneLineSyntaxErrorsAndStrictUtf8() throws Exception {
    String two = error(SMALL + "---\nname: other\n");
    assertTrue(two.startsWith("study.yaml:19: a second YAML document starts here"), two);
    String syntax = error(SMALL.replace("fleet: [Lab_64_H100, Training_1K_A100]", "fleet: [Lab_64_H100"));
    assertTrue(syntax.startsWith("study.yaml:") && syntax.contains(": YAML syntax: ")
        && syntax.contains("flow sequence"), syntax);
    assertEquals(1, syntax.lines().count(), syntax);
    assertTrue(syntax.matches("study\\.yaml:\\d+:\\d+: .*"), "line and column: " + syntax);
    Path bad = java.nio.file.Files.createTempFile("latin1", ".yaml");
    try {
      java.nio.file.Files.write(bad, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'a', '\n', '#', ' ', (byte) 0xE9});
      String m = assertThrows(StudySpecException.class, () -> StudySpec.read(bad)).getMessage();
      assertEquals(bad + ":2: not UTF-8: byte 0xE9 at byte offset 10 is not valid UTF-8 text; save the file as UTF-8", m);
    } finally {
      java.nio.file.Files.delete(bad);
    }
  }

  @Test
  void anEvaluatorThatThrowsGivesAnErrorRow() {
    StudyEvaluatorFactory boom = new StudyEvaluatorFactory() {
      @Override public String name() {
        return "boom";
      }

      @Override public String version() {
        return "0";
      }

      @Override public java.util.List<InputDecl> inputs() {
        return java.util.List.of(new InputDecl("x", InputKind.INTEGER, null, "x"));
      }

      @Override public java.util.List<ResultField> results() {
        return java.util.List.of(new ResultField("y", "", "y"));
      }

      @Override public java.util.List<String> attributes() {
        return java.util.List.of();
      }

      @Override public CandidateEvaluator bind(SearchSpace space, Zoo zoo) {
        return new CandidateEvaluator() {
          @Override public void evaluate(Candidate c, Evaluation out) {
            if (c.value[0] == 3) {
              throw new IllegalStateException("three is bad");
            }
            out.values[0] = c.value[0];
          }

          @Override public Expr.Operand attribute(String n) {
            return null;
          }
        };
      }
    };
    StudySpec spec = StudySpec.parse("b.yaml", """
        name: b
        pipeline: boom
        space: {x: {range: [1, 5]}}
        constraints: ['y <= 4']
        objectives: [{minimize: y}]
        """);
    StudyPlan plan = StudyPlan.compile(spec, ZOO, java.util.Map.of("boom", boom));
    Candidate c = plan.space().newCandidate();
    Evaluation e = new Evaluation(1);
    String statuses = "";
    for (long i = 0; i < 5; i++) {
      plan.strategy().fill(i, c);
      plan.evaluate(c, e);
      statuses += e.status.id() + " ";
    }
    assertEquals("ok ok error ok constraint_violated ", statuses);
    plan.strategy().fill(2, c);
    plan.evaluate(c, e);
    assertEquals("IllegalStateException: three is bad", e.reason);
    assertFalse(e.feasible);
  }

  /** A flag in a study takes the spellings the command line takes (FlagSpelling): yes/no, true/false, 1/0. */
  @Test
  void aFlagDimensionTakesEverySpelling() {
    for (String values : java.util.List.of("[yes, no]", "[true, false]", "[1, 0]", "['YES', 'No']")) {
      StudyPlan plan = StudyPlan.compile(StudySpec.parse("flag.yaml", SMALL.replace("  overlap_efficiency:",
          "  overlap_comm: " + values + "\n  overlap_efficiency:")), ZOO);
      Dimension d = plan.space().dimensions().stream().filter(x -> x.name().equals("overlap_comm")).findFirst()
          .orElseThrow();
      assertEquals(2, d.size(), values);
      assertEquals(1.0, d.valueAt(0), values + ": on is stored as 1");
      assertEquals(0.0, d.valueAt(1), values + ": off is stored as 0");
    }
    String m = error(SMALL.replace("  overlap_efficiency:", "  overlap_comm: [maybe]\n  overlap_efficiency:"));
    assertTrue(m.contains("overlap_comm") && m.contains("maybe") && m.contains("true/false, yes/no or 1/0"), m);
  }
}
