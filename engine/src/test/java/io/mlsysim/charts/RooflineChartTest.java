package io.mlsysim.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.SingleNodeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RooflineChartTest {
  @TempDir Path dir;

  @Test
  void rooflinePngShowsOneSeriesPerAcceleratorAndPerWorkload() {
    Path png = dir.resolve("r.png");
    List<String> series = Plots.roofline(List.of("H100", "B200", "A100"), List.of("Llama3_8B", "ResNet50"), "fp16", 1,
        0.5, png);
    assertEquals(List.of("H100", "B200", "A100", "Llama3_8B", "ResNet50"), series);
    PictureFacts f = PictureFacts.of(png);
    assertEquals(ChartWriter.WIDTH, f.width());
    assertEquals(ChartWriter.HEIGHT, f.height());
    assertTrue(f.marks() > f.width() * f.height() / 50, "a drawn chart, not a blank canvas: " + f.marks());
    assertEquals(5, f.seriesCount(), "3 rooflines + 2 workloads, each in its own colour: " + f.seriesColours());
    assertTrue(f.seriesColours().containsAll(Palette.CATEGORIES.subList(0, 5)));
  }

  @Test
  void rooflineSvgNamesItsAxesWithUnitsAndLabelsRidgesAndWorkloads() throws Exception {
    Path svg = dir.resolve("sub/r.svg"); // a missing folder is created
    Plots.roofline(List.of("H100"), List.of("Llama3_8B"), "bf16", 4, 0.5, svg);
    String text = Files.readString(svg);
    assertTrue(text.contains(">arithmetic intensity (FLOP/B)</text>"), "x axis with its unit");
    assertTrue(text.contains(">attainable rate (TFLOP/s), bf16</text>"), "y axis with its unit");
    long ridge = Math.round(Hardware.get("H100").ridgePoint(Precision.BF16));
    assertTrue(text.contains(">ridge " + ridge + " FLOP/B</text>"), "ridge point labelled at " + ridge);
    assertTrue(text.contains(">Llama3_8B on H100</text>"), "workload point labelled");
    PictureFacts f = PictureFacts.of(svg);
    assertEquals(2, f.seriesCount());
    assertEquals(ChartWriter.WIDTH, f.width());
  }

  @Test
  void workloadsSitWhereTheSingleNodeModelPutsThem() {
    HardwareNode h100 = Hardware.get("H100");
    List<RooflineChart.Placement> p = RooflineChart.placements(List.of(h100), List.of(Workloads.get("Llama3_8B")),
        Precision.FP16, 8, 0.5);
    SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(Workloads.get("Llama3_8B"), h100, 8, Precision.FP16, 0.5);
    assertEquals(1, p.size());
    assertEquals(r.arithmeticIntensity(), p.get(0).intensity(), 1e-12);
    // attained rate = the FLOPs of the batch over the latency, which is what the model's MFU is of peak
    assertEquals(r.mfu() * h100.compute().flops(Precision.FP16), p.get(0).attainedFlops(), 1e-3);
    assertTrue(p.get(0).attainedFlops() <= h100.compute().flops(Precision.FP16), "never above the roof");
    RooflineChart.Roof roof = RooflineChart.roofs(List.of(h100), Precision.FP16).get(0);
    assertEquals(h100.ridgePoint(Precision.FP16), roof.ridge(), 1e-9);
  }

  @Test
  void intensityAxisSpansADecadeBeyondEveryRidgeAndWorkload() {
    List<RooflineChart.Roof> roofs = List.of(new RooflineChart.Roof("a", 1e15, 1e12), new RooflineChart.Roof("b", 4e14, 2e12));
    List<RooflineChart.Placement> placed = List.of(new RooflineChart.Placement("w", "a", 0.9, 1e12));
    double[] span = RooflineChart.span(roofs, placed);
    assertEquals(0.01, span[0], 1e-12); // floor(log10 0.9) = -1, one decade lower
    assertEquals(1e4, span[1], 1e-6);   // ridge 1000 → ceil 3, one decade higher
  }
}
