package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierChartTest {
  @TempDir Path dir;

  /** 300 candidates: time spans four decades, cost one; three fleets; the frontier by brute force. */
  static CandidateTable table() {
    Random rnd = new Random(11);
    int n = 300;
    double[] time = new double[n];
    double[] cost = new double[n];
    double[] carbon = new double[n];
    double[] tp = new double[n];
    String[] fleet = new String[n];
    String[] fleets = {"Lab_64_H100", "Training_1K", "Production_2K"};
    for (int i = 0; i < n; i++) {
      time[i] = Math.pow(10, 4 + 4 * rnd.nextDouble());
      cost[i] = 1e6 * (1 + 5 * rnd.nextDouble()) + 1e12 / time[i];
      carbon[i] = 100 + 50 * rnd.nextDouble();
      tp[i] = 1 << rnd.nextInt(4);
      fleet[i] = fleets[i % 3];
    }
    boolean[] front = new boolean[n];
    for (int i = 0; i < n; i++) {
      front[i] = true;
      for (int j = 0; j < n && front[i]; j++) {
        boolean noWorse = time[j] <= time[i] && cost[j] <= cost[i] && carbon[j] <= carbon[i];
        boolean better = time[j] < time[i] || cost[j] < cost[i] || carbon[j] < carbon[i];
        front[i] = !(noWorse && better);
      }
    }
    return new CandidateTable(List.of(CandidateTable.Column.labels("fleet", true, fleet),
        CandidateTable.Column.numbers("tp", "", true, tp), CandidateTable.Column.numbers("duration_s", "s", false, time),
        CandidateTable.Column.numbers("tco_usd", "USD", false, cost),
        CandidateTable.Column.numbers("total_carbon_kg", "kg", false, carbon)), front);
  }

  @Test
  void frontierChartColoursTheCloudByAColumnAndDrawsTheFrontierOnTop() throws Exception {
    CandidateTable t = table();
    Chart c = FrontierChart.of(t, Objective.minimize("duration_s"), Objective.minimize("tco_usd"), "fleet", "q");
    assertEquals(List.of("fleet = Lab_64_H100", "fleet = Production_2K", "fleet = Training_1K",
        FrontierChart.FRONTIER_SERIES, "trade-off of duration_s and tco_usd"), c.series());
    Path png = dir.resolve("f.png");
    ChartWriter.write(c, png);
    PictureFacts f = PictureFacts.of(png);
    assertEquals(5, f.seriesCount(), "3 fleets, the frontier, the trade-off line: " + f.seriesColours());
    assertTrue(f.seriesColours().contains(Palette.FRONTIER));
    XYPlot plot = c.chart().getXYPlot();
    assertInstanceOf(LogAxis.class, plot.getDomainAxis(), "duration spans four decades");
    assertInstanceOf(NumberAxis.class, plot.getRangeAxis(), "cost spans less than two");

    Path svg = dir.resolve("f.svg");
    ChartWriter.write(c, svg);
    String text = Files.readString(svg);
    assertTrue(text.contains(">duration (s)</text>"), "x axis named with the unit from the column");
    assertTrue(text.contains(">tco (USD)</text>"), "y axis named with the unit from the column");
    assertEquals(5, PictureFacts.of(svg).seriesCount());
  }

  @Test
  void allPairsOfThreeObjectivesAreThreeChartsInOnePicture() {
    CandidateTable t = table();
    List<Chart> charts = FrontierChart.pairs(t, List.of(Objective.minimize("duration_s"), Objective.minimize("tco_usd"),
        Objective.minimize("total_carbon_kg")), "tp", "q");
    assertEquals(3, charts.size());
    // tp takes 4 values: 4 colour groups, plus frontier and trade-off
    assertEquals(6, charts.get(0).seriesCount());
    Path png = dir.resolve("pairs.png");
    ChartWriter.write(charts, png);
    PictureFacts f = PictureFacts.of(png);
    assertEquals(2 * ChartWriter.WIDTH, f.width());
    assertEquals(2 * ChartWriter.HEIGHT, f.height());
    assertEquals(6, f.seriesCount());
  }

  @Test
  void tradeOffKeepsTheTwoObjectiveFrontSortedByX() {
    List<double[]> pts = new ArrayList<>(List.of(new double[] {1, 9}, new double[] {2, 5}, new double[] {3, 6},
        new double[] {4, 1}, new double[] {2, 5}));
    List<double[]> front = FrontierChart.tradeOff(pts, Objective.minimize("x"), Objective.minimize("y"));
    assertEquals(3, front.size());
    assertEquals(List.of(1.0, 2.0, 4.0), front.stream().map(p -> p[0]).toList());
    List<double[]> maxY = FrontierChart.tradeOff(pts, Objective.minimize("x"), Objective.maximize("y"));
    assertEquals(1, maxY.size(), "(1, 9) is best on both");
  }

  @Test
  void manyValuedNumbersAreBinnedIntoFiveColours() {
    CandidateTable t = table();
    Chart c = FrontierChart.of(t, Objective.minimize("tco_usd"), Objective.minimize("total_carbon_kg"), "duration_s", "q");
    assertEquals(ColourGroups.BINS + 2, c.seriesCount());
    assertTrue(c.series().get(0).startsWith("duration_s 1") && c.series().get(0).endsWith(" s"), c.series().get(0));
  }

  @Test
  void textColumnsCannotBeAnAxis() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrontierChart.of(table(),
        Objective.minimize("fleet"), Objective.minimize("tco_usd"), null, "q"));
    assertTrue(e.getMessage().startsWith("--x 'fleet' is not a numeric column"), e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> FrontierChart.of(table(),
        Objective.minimize("tco"), Objective.minimize("tco_usd"), null, "q"));
    assertTrue(unknown.getMessage().contains("columns: fleet, tp, duration_s"), unknown.getMessage());
  }

  @Test
  void axisLabelsDropTheUnitSuffixOfTheName() {
    assertEquals("duration (s)", Axes.label("duration_s", "s"));
    assertEquals("total carbon (kg)", Axes.label("total_carbon_kg", "kg"));
    assertEquals("effective throughput (1/s)", Axes.label("effective_throughput_per_s", "1/s").replace(" per s", ""));
    assertEquals("rank", Axes.label("rank", ""));
  }
}
