package io.mlsysim.charts;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.models.SingleNodeModel;
import io.mlsysim.workloads.Workload;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Rooflines of accelerators with workloads placed on them (log-log). Each accelerator is one
 * line: attainable rate = min(peak, intensity × memory bandwidth), its ridge point marked and
 * labelled. Each workload is one series of points, one per accelerator, at the arithmetic
 * intensity and the rate {@link SingleNodeModel} says it attains there.
 */
public final class RooflineChart {
  /** Rates are drawn in TFLOP/s: FLOP/s in the 1e12–1e16 range reads badly on an axis. */
  static final double TERA = 1e12;

  /** One workload on one accelerator: where its point sits. */
  public record Placement(String workload, String hardware, double intensity, double attainedFlops) {}

  /** One accelerator: its roofline's two parameters. */
  public record Roof(String hardware, double peakFlops, double bandwidth) {
    public double ridge() {
      return peakFlops / bandwidth;
    }
  }

  private RooflineChart() {}

  /** The roofs of the accelerators at a precision. */
  public static List<Roof> roofs(List<HardwareNode> hardware, Precision precision) {
    List<Roof> roofs = new ArrayList<>();
    for (HardwareNode h : hardware) {
      roofs.add(new Roof(h.name(), h.compute().flops(precision), h.memory().bandwidth()));
    }
    return roofs;
  }

  /** Where each workload lands on each accelerator (inference at a batch and efficiency). */
  public static List<Placement> placements(List<HardwareNode> hardware, List<Workload> workloads, Precision precision,
      int batch, double efficiency) {
    List<Placement> out = new ArrayList<>();
    for (Workload w : workloads) {
      for (HardwareNode h : hardware) {
        SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(w, h, batch, precision, efficiency);
        double attained = r.mfu() * r.peakFlopsActual();
        // A log-log chart cannot place a point with no traffic or no arithmetic; such a pair is left out.
        if (r.arithmeticIntensity() > 0 && Double.isFinite(r.arithmeticIntensity()) && attained > 0) {
          out.add(new Placement(w.name(), h.name(), r.arithmeticIntensity(), attained));
        }
      }
    }
    return out;
  }

  /** The chart: one series per accelerator, then one per workload. */
  public static Chart of(List<HardwareNode> hardware, List<Workload> workloads, Precision precision, int batch,
      double efficiency) {
    if (hardware.isEmpty()) {
      throw new IllegalArgumentException("hardware: name at least one accelerator, e.g. H100");
    }
    List<Roof> roofs = roofs(hardware, precision);
    List<Placement> placed = placements(hardware, workloads, precision, batch, efficiency);
    double[] span = span(roofs, placed);

    XYSeriesCollection lines = new XYSeriesCollection();
    XYSeriesCollection points = new XYSeriesCollection();
    List<String> names = new ArrayList<>();
    for (Roof r : roofs) {
      XYSeries s = new XYSeries(r.hardware() + " (ridge " + round(r.ridge()) + " FLOP/B)", false, true);
      s.add(span[0], span[0] * r.bandwidth() / TERA);
      s.add(r.ridge(), r.peakFlops() / TERA);
      s.add(span[1], r.peakFlops() / TERA);
      lines.addSeries(s);
      names.add(r.hardware());
    }
    for (Workload w : workloads) {
      XYSeries s = new XYSeries(w.name(), false, true);
      for (Placement p : placed) {
        if (p.workload().equals(w.name())) {
          s.add(p.intensity(), p.attainedFlops() / TERA);
        }
      }
      points.addSeries(s);
      names.add(w.name());
    }

    LogAxis x = Axes.log("arithmetic intensity (FLOP/B)");
    x.setRange(span[0], span[1]);
    LogAxis y = Axes.log("attainable rate (TFLOP/s), " + precision.id());
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < roofs.size(); i++) {
      lineRenderer.setSeriesPaint(i, Palette.category(i));
      lineRenderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < workloads.size(); i++) {
      pointRenderer.setSeriesPaint(i, Palette.category(roofs.size() + i));
      pointRenderer.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
    }
    XYPlot plot = new XYPlot(lines, x, y, lineRenderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    annotate(plot, roofs, placed);
    String title = "Roofline: " + String.join(", ", roofs.stream().map(Roof::hardware).toList())
        + (workloads.isEmpty() ? "" : " · batch " + batch + ", efficiency " + round(efficiency));
    return new Chart(Styles.finish(title, plot), names);
  }

  /** Ridge markers in the roof's colour and a label at each workload point. */
  private static void annotate(XYPlot plot, List<Roof> roofs, List<Placement> placed) {
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    for (int i = 0; i < roofs.size(); i++) {
      Roof r = roofs.get(i);
      // A log axis distorts a fixed-size shape in data units; a ±12 % box is a small square on it.
      double x0 = r.ridge() / 1.12;
      double y0 = r.peakFlops() / TERA / 1.12;
      plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x0, y0, r.ridge() * 1.12 - x0,
          r.peakFlops() / TERA * 1.12 - y0), new BasicStroke(1f), Palette.INK, Palette.category(i)));
      XYTextAnnotation t = new XYTextAnnotation("ridge " + round(r.ridge()) + " FLOP/B", r.ridge(),
          r.peakFlops() / TERA * 1.25);
      t.setFont(small);
      t.setPaint(Palette.INK);
      t.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addAnnotation(t);
    }
    // Points that coincide (an overhead-bound workload attains the same rate everywhere) share one label.
    java.util.Map<String, List<Placement>> byPoint = new java.util.LinkedHashMap<>();
    for (Placement p : placed) {
      String key = p.workload() + "@" + Math.round(Math.log10(p.intensity()) * 20) + "/"
          + Math.round(Math.log10(p.attainedFlops()) * 20);
      byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    for (List<Placement> same : byPoint.values()) {
      Placement p = same.get(0);
      String on = String.join(", ", same.stream().map(Placement::hardware).toList());
      XYTextAnnotation t = new XYTextAnnotation(p.workload() + " on " + on, p.intensity() * 1.15,
          p.attainedFlops() / TERA);
      t.setFont(small);
      t.setPaint(Palette.INK);
      t.setTextAnchor(TextAnchor.CENTER_LEFT);
      plot.addAnnotation(t);
    }
  }

  /** Intensity range: a decade around the lowest and highest of the ridges and the workloads. */
  static double[] span(List<Roof> roofs, List<Placement> placed) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Roof r : roofs) {
      lo = Math.min(lo, r.ridge());
      hi = Math.max(hi, r.ridge());
    }
    for (Placement p : placed) {
      if (p.intensity() > 0 && Double.isFinite(p.intensity())) {
        lo = Math.min(lo, p.intensity());
        hi = Math.max(hi, p.intensity());
      }
    }
    return new double[] {Math.pow(10, Math.floor(Math.log10(lo)) - 1), Math.pow(10, Math.ceil(Math.log10(hi)) + 1)};
  }

  static String round(double v) {
    return v >= 100 ? String.valueOf(Math.round(v)) : String.valueOf(Math.round(v * 10) / 10.0);
  }
}
