package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  @TempDir Path dir;

  @Test
  void oneColouredLinePerQuantityWithUnitsOnTheAxes() throws Exception {
    double[] batch = {1, 2, 4, 8, 16, 32, 64, 128};
    Map<String, double[]> lines = new LinkedHashMap<>();
    lines.put("TTFT", new double[] {70, 140, 280, 560, 1100, 2300, 4500, 9000});
    lines.put("ITL", new double[] {5, 5, 5, 6, 6, 8, 10, 15});
    Chart c = LineChart.of("latency", "batch", "", batch, "latency", "ms", lines);
    assertEquals(List.of("TTFT", "ITL"), c.series());
    assertInstanceOf(LogAxis.class, c.chart().getXYPlot().getDomainAxis(), "batch spans two decades");
    Path svg = dir.resolve("l.svg");
    ChartWriter.write(c, svg);
    assertTrue(Files.readString(svg).contains(">latency (ms)</text>"));
    Path png = dir.resolve("l.png");
    ChartWriter.write(c, png);
    assertEquals(2, PictureFacts.of(png).seriesCount());

    Chart narrow = LineChart.of("t", "pp", "", new double[] {1, 2, 4}, "time", "s", Map.of("step", new double[] {3, 2, 1}));
    assertInstanceOf(NumberAxis.class, narrow.chart().getXYPlot().getDomainAxis(), "1 to 4 is not two decades");
  }

  @Test
  void aLineWithTheWrongNumberOfValuesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineChart.of("t", "x", "",
        new double[] {1, 2}, "y", "", Map.of("a", new double[] {1})));
    assertEquals("line 'a' has 1 values for 2 inputs", e.getMessage());
  }
}
