package io.mlsysim.validation;

import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.systems.Fleet;
import io.mlsysim.workloads.TransformerWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts every row of a {@link MeasurementFile} with DistributedModel and compares it with
 * the measurement: relative error {@code (predicted − measured)/measured} in the file's metric.
 */
public final class Accuracy {
  private Accuracy() {}

  /** One row's outcome; {@code reason} is set (and the numbers NaN) when the model refused the row. */
  public record RowResult(String label, Map<String, Object> inputs, double measured, double predicted,
      boolean fits, String reason) {
    public double error() {
      return (predicted - measured) / measured;
    }

    public boolean predictedOk() {
      return reason == null;
    }
  }

  /** Every row, and the mean and largest absolute relative error over the rows the model could predict. */
  public record Report(MeasurementFile file, List<RowResult> rows) {
    public double meanAbsoluteError() {
      return rows.stream().filter(RowResult::predictedOk).mapToDouble(r -> Math.abs(r.error())).average()
          .orElse(Double.NaN);
    }

    public double maxAbsoluteError() {
      return rows.stream().filter(RowResult::predictedOk).mapToDouble(r -> Math.abs(r.error())).max()
          .orElse(Double.NaN);
    }

    public long failed() {
      return rows.stream().filter(r -> !r.predictedOk()).count();
    }
  }

  public static Report evaluate(MeasurementFile file) {
    List<RowResult> out = new ArrayList<>();
    for (MeasurementFile.Row row : file.rows()) {
      Map<String, Object> in = new LinkedHashMap<>(file.fixed());
      in.putAll(row.inputs());
      PipelineResults r;
      try {
        r = Pipeline.of(new DistributedModel()).run(in);
      } catch (IllegalArgumentException e) {
        out.add(new RowResult(row.label(), row.inputs(), row.measured(), Double.NaN, false, e.getMessage()));
        continue;
      }
      DistributedModel.DistributedResult d = r.get("DistributedModel", DistributedModel.DistributedResult.class);
      double step = d.stepLatency();
      double predicted = switch (file.metric()) {
        case STEP_TIME -> step;
        case TFLOPS_PER_GPU -> {
          var job = d.step().layout.job();
          Fleet fleet = d.step().fleet;
          TransformerWorkload w = job.workload();
          yield file.flopCount().perStep(w, job.batch(), job.seqLen()) / (step * fleet.totalAccelerators()) / 1e12;
        }
      };
      out.add(new RowResult(row.label(), row.inputs(), row.measured(), predicted, d.memoryFeasible(), null));
    }
    return new Report(file, List.copyOf(out));
  }
}
