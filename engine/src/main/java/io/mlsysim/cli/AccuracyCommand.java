package io.mlsysim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlsysim.validation.Accuracy;
import io.mlsysim.validation.MeasurementFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim accuracy <measurements.yaml>}: predicts every measured training configuration
 * of a file with DistributedModel and prints measured, predicted and relative error per row, then
 * the mean and largest absolute error. Exit 2 when the model could not predict some row.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
    description = "Compare DistributedModel with measured training runs: error per row, mean and max.",
    footer = {"", "Example: mlsysim accuracy configs/validation/narayanan2021-weak-scaling.yaml",
        "File format: docs/fleet-models.md, 'Validating against measurements'."})
final class AccuracyCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "FILE", description = "A measurement file (YAML).")
  Path file;

  @Override
  public Integer call() {
    Accuracy.Report report = Accuracy.evaluate(MeasurementFile.read(file));
    global.out().print(render(report));
    global.out().flush();
    return report.failed() > 0 ? ExitCode.INFEASIBLE : ExitCode.OK;
  }

  private String render(Accuracy.Report r) {
    MeasurementFile f = r.file();
    String unit = f.metric() == MeasurementFile.Metric.STEP_TIME ? "s" : "TFLOP/s per GPU";
    if (global.format() == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("source", f.source());
      m.put("metric", f.metric().name().toLowerCase(Locale.ROOT));
      m.put("unit", unit);
      m.put("assumed", f.fixed());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Accuracy.RowResult row : r.rows()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("label", row.label());
        x.put("measured", row.measured());
        x.put("predicted", row.predictedOk() ? row.predicted() : null);
        x.put("error", row.predictedOk() ? row.error() : null);
        x.put("fits_in_memory", row.predictedOk() ? row.fits() : null);
        x.put("reason", row.reason());
        rows.add(x);
      }
      m.put("rows", rows);
      m.put("mean_absolute_error", finite(r.meanAbsoluteError()));
      m.put("max_absolute_error", finite(r.maxAbsoluteError()));
      try {
        return Listing.JSON.writeValueAsString(m) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(f.name()).append(" — ").append(f.source()).append('\n');
    sb.append("assumed for every row: ").append(f.fixed()).append("\n\n");
    TextTable t = new TextTable(List.of("row", "measured", "predicted", "error", "fits"),
        List.of(false, true, true, true, false));
    for (Accuracy.RowResult row : r.rows()) {
      t.add(row.predictedOk()
          ? List.of(row.label(), num(row.measured()), num(row.predicted()), pct(row.error()), row.fits() ? "yes" : "NO")
          : List.of(row.label(), num(row.measured()), "—", "—", "refused: " + row.reason()));
    }
    sb.append(t.render(global.format()));
    sb.append('\n').append("values in ").append(unit).append("; error = (predicted − measured) / measured\n");
    sb.append(String.format(Locale.ROOT, "mean absolute error %.1f%%, max %.1f%% over %d of %d rows%n",
        100 * r.meanAbsoluteError(), 100 * r.maxAbsoluteError(), r.rows().size() - r.failed(), r.rows().size()));
    return sb.toString();
  }

  private static Object finite(double x) {
    return Double.isFinite(x) ? x : null;
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, x >= 100 ? "%.1f" : "%.4g", x);
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * x).replace("+-", "-");
  }
}
