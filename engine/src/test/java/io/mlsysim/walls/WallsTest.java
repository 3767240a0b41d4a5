package io.mlsysim.walls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WallsTest {

  @Test
  void thereAreTwentyTwoWallsWithTheirResolvers() {
    assertEquals(22, Walls.all().size());
    assertEquals("Compute", Walls.get(1).name());
    assertEquals("SingleNodeModel", Walls.get(2).resolver());
    assertEquals("Communication", Walls.get(14).name());
    assertEquals("DistributedModel", Walls.get(14).resolver());
    assertEquals("SynthesisSolver", Walls.get(22).resolver());
  }

  @Test
  void domainsCoverTheAgreedRanges() {
    // node 1–7, data 8–10, algorithm 11–13, fleet 14–16, operations 17–20, analysis 21–22
    int[][] ranges = {{1, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 20}, {21, 22}};
    String[] domains = {"node", "data", "algorithm", "fleet", "operations", "analysis"};
    for (int d = 0; d < domains.length; d++) {
      List<Wall> walls = Walls.inDomain(domains[d]);
      assertEquals(ranges[d][1] - ranges[d][0] + 1, walls.size(), domains[d]);
      assertEquals(ranges[d][0], walls.get(0).number());
    }
  }

  @Test
  void everyWallHasAnEquationAndASourceWithALink() {
    for (Wall w : Walls.all()) {
      assertFalse(w.equation().isBlank(), w.name());
      assertFalse(w.constraint().isBlank(), w.name());
      assertTrue(w.sources().stream().anyMatch(s -> s.contains("https://")), w.name());
    }
  }

  @Test
  void unknownWallNumberIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Walls.get(23));
    assertTrue(e.getMessage().contains("23") && e.getMessage().contains("1–22"), e.getMessage());
  }
}
