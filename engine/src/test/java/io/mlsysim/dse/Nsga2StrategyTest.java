package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nsga2StrategyTest {
  static final Zoo ZOO = Zoo.builtIn();

  static StudyPlan plan(long seed) throws Exception {
    String text = Files.readString(Path.of("../configs/studies/quickstart.yaml"))
        .replace("strategy: {kind: grid}", "strategy: {kind: nsga2, population: 40, generations: 8, seed: " + seed + "}");
    return StudyPlan.compile(StudySpec.parse("nsga.yaml", text), ZOO);
  }

  @Test
  void generationsAreEvaluatedWholeSeededAndImprove() throws Exception {
    StudyPlan plan = plan(7);
    Nsga2Strategy.GenerationEvaluator local = Nsga2Strategy.local(plan);
    List<Integer> sizes = new ArrayList<>();
    List<Integer> okPerGeneration = new ArrayList<>();
    long[] first = Nsga2Strategy.run(plan, (idx, gen) -> {
      assertEquals(sizes.size(), gen);
      sizes.add(idx.length);
      double[][] o = local.evaluate(idx, gen);
      int ok = 0;
      for (double[] x : o) {
        ok += x == null ? 0 : 1;
      }
      okPerGeneration.add(ok);
      return o;
    });
    assertEquals(8, sizes.size());
    assertTrue(sizes.stream().allMatch(s -> s == 40), sizes.toString());
    assertTrue(first.length >= 1 && first.length <= 40, "the final non-dominated set");
    assertTrue(okPerGeneration.get(7) >= okPerGeneration.get(0), "selection keeps feasible candidates: " + okPerGeneration);
    assertArrayEquals(first, Nsga2Strategy.run(plan(7), Nsga2Strategy.local(plan(7))), "same seed, same search");
  }

  @Test
  void nsga2NeedsTwoObjectives() throws Exception {
    String text = Files.readString(Path.of("../configs/studies/quickstart.yaml"))
        .replace("strategy: {kind: grid}", "strategy: {kind: nsga2, population: 8, generations: 2}")
        .replace("  - minimize: tco_usd\n  - minimize: total_carbon_kg\n", "");
    String msg = org.junit.jupiter.api.Assertions.assertThrows(StudySpecException.class,
        () -> StudyPlan.compile(StudySpec.parse("n.yaml", text), ZOO)).getMessage();
    assertTrue(msg.contains("objectives") && msg.contains("two objectives"), msg);
  }
}
