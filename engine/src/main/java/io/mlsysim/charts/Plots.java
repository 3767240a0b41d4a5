package io.mlsysim.charts;

import io.mlsysim.Hardware;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.workloads.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Charts by zoo name, in one call: what the command line and notebooks use. Takes and returns
 * only JDK types, so a caller that merely links to it (a command class) loads no chart classes.
 */
public final class Plots {
  private Plots() {}

  /** Draws the roofline chart of accelerators and workloads named in the zoo; returns its series names. */
  public static List<String> roofline(List<String> hardware, List<String> workloads, String precision, int batch,
      double efficiency, Path to) {
    Chart chart = roofline(hardware, workloads, precision, batch, efficiency);
    ChartWriter.write(chart, to);
    return chart.series();
  }

  /** The roofline chart itself, for a caller that writes or embeds it. */
  public static Chart roofline(List<String> hardware, List<String> workloads, String precision, int batch,
      double efficiency) {
    Precision p = Precision.parse(precision);
    if (batch < 1) {
      throw new IllegalArgumentException("--batch " + batch + ": the batch must be at least 1");
    }
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new IllegalArgumentException("--efficiency " + efficiency + ": use a fraction of peak in (0, 1]");
    }
    List<HardwareNode> h = new ArrayList<>();
    for (String name : hardware) {
      h.add(Hardware.get(name));
    }
    List<Workload> w = new ArrayList<>();
    for (String name : workloads) {
      w.add(Workloads.get(name));
    }
    return RooflineChart.of(h, w, p, batch, efficiency);
  }
}
