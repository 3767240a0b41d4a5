package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Bottleneck;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Compression;
import io.mlsysim.physics.Compression.PruningPattern;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The fidelity wall (13): what quantization or pruning buys in size and speed and costs in
 * accuracy. Quantization speeds up a memory-bound model by its compression ratio, a compute-bound
 * one only as far as the device runs the narrower format faster. {@link #paretoSweep} compares
 * many options and marks the ones no other option beats on size, speed and quality at once.
 */
public final class CompressionModel extends Model<CompressionModel.CompressionResult> {

  /** The compression technique. */
  public enum Method { QUANTIZATION, PRUNING }

  public static final Port<Method> METHOD = Port.object("method", Method.class).withDefault(Method.QUANTIZATION)
      .describedAs("quantization or pruning");
  public static final Port<Precision> BASELINE_PRECISION = Port.object("baseline_precision", Precision.class)
      .withDefault(Precision.FP32).describedAs("precision of the uncompressed model");
  public static final Port<Double> SPARSITY = Port.number("sparsity").withDefault(Calibration.PRUNING_SAFE_SPARSITY)
      .nonNegative().describedAs("fraction of weights pruned, in [0, 1)");
  public static final Port<PruningPattern> PRUNING_PATTERN = Port.object("pruning_pattern", PruningPattern.class)
      .withDefault(PruningPattern.STRUCTURED).describedAs("structured, two_four or unstructured");

  public static final Port<Double> COMPRESSION_RATIO = Port.number("compression_ratio");
  public static final Port<Double> ACCURACY_DELTA = Port.number("accuracy_delta");
  public static final Port<Double> COMPRESSION_SPEEDUP = Port.number("compression_speedup");
  public static final Port<Double> COMPRESSED_SIZE = Port.quantity("compressed_size", QuantityKind.DATA_SIZE, "GB");
  public static final Port<Double> MEMORY_SAVINGS_PCT = Port.number("memory_savings_pct");

  public record CompressionResult(double compressionRatio, double accuracyDelta, double compressionSpeedup,
      double compressedSize, double memorySavingsPct) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(COMPRESSION_RATIO, compressionRatio);
      out.putDouble(ACCURACY_DELTA, accuracyDelta);
      out.putDouble(COMPRESSION_SPEEDUP, compressionSpeedup);
      out.putDouble(COMPRESSED_SIZE, compressedSize);
      out.putDouble(MEMORY_SAVINGS_PCT, memorySavingsPct);
    }

    /** Quality relative to the baseline: 1 + accuracy delta. */
    public double quality() {
      return 1 + accuracyDelta;
    }

    @Override
    public List<String> trace() {
      return List.of("Fidelity Wall: " + Display.number(compressionRatio) + "x smaller ("
          + Display.format(compressedSize, QuantityKind.DATA_SIZE) + "), " + Display.number(compressionSpeedup)
          + "x faster, accuracy " + Display.number(accuracyDelta * 100) + " points");
    }
  }

  /** One option of a sweep; {@code paretoOptimal} when no other option is at least as good everywhere and better somewhere. */
  public record SweepPoint(String label, CompressionResult result, boolean paretoOptimal) {}

  public CompressionModel() {
    super(Schema.model("CompressionModel")
        .describedAs("Quantization and pruning: compression ratio, speedup and accuracy cost")
        .requires(CommonPorts.WORKLOAD, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.EFFICIENCY, METHOD,
            CommonPorts.PRECISION, BASELINE_PRECISION, SPARSITY, PRUNING_PATTERN)
        .produces(COMPRESSION_RATIO, ACCURACY_DELTA, COMPRESSION_SPEEDUP, COMPRESSED_SIZE, MEMORY_SAVINGS_PCT)
        .walls(13)
        .fallacy("Halving the bits halves the latency",
            "Only when the model is memory-bound; compute-bound it speeds up only if the hardware runs the format faster")
        .build());
  }

  @Override
  public CompressionResult evaluate(Inputs in) {
    Workload w = in.get(CommonPorts.WORKLOAD);
    HardwareNode hw = in.get(CommonPorts.HARDWARE);
    int batch = in.getInt(CommonPorts.BATCH);
    double eta = in.getDouble(CommonPorts.EFFICIENCY);
    Precision baseline = in.get(BASELINE_PRECISION);
    return in.get(METHOD) == Method.QUANTIZATION
        ? quantize(w, hw, batch, eta, baseline, in.get(CommonPorts.PRECISION))
        : prune(w, hw, batch, eta, baseline, in.getDouble(SPARSITY), in.get(PRUNING_PATTERN));
  }

  /** Quantizing from {@code baseline} to {@code target}. */
  public static CompressionResult quantize(Workload workload, HardwareNode hardware, int batch, double efficiency,
      Precision baseline, Precision target) {
    double r = Compression.quantizationRatio(baseline.bits(), target.bits());
    boolean memoryBound = baselineBottleneck(workload, hardware, batch, efficiency, baseline) == Bottleneck.MEMORY;
    boolean supported = !hardware.compute().fallsBack(target);
    double speedup = Compression.quantizationSpeedup(r, memoryBound, supported, hardware.compute().flops(target),
        hardware.compute().flops(baseline));
    double delta = Compression.quantizationAccuracyDelta(target.bits(), target == Precision.FP8,
        Calibration.QUANTIZATION_DELTAS);
    double size = workload.weightBytes(baseline) / r;
    return new CompressionResult(r, delta, speedup, size, Compression.memorySavingsPercent(r));
  }

  /** Pruning a {@code baseline}-precision model to {@code sparsity} with a layout {@code pattern}. */
  public static CompressionResult prune(Workload workload, HardwareNode hardware, int batch, double efficiency,
      Precision baseline, double sparsity, PruningPattern pattern) {
    Checks.inRange("sparsity", sparsity, 0, 1);
    Checks.positive("batch", batch);
    Checks.efficiency("efficiency", efficiency);
    double r = Compression.pruningRatio(sparsity, Calibration.PRUNING_MAX_RATIO);
    double speedup = Compression.pruningSpeedup(pattern, r, sparsity, Calibration.TWO_FOUR_SPARSITY_TOLERANCE);
    double delta = Compression.pruningAccuracyDelta(sparsity, Calibration.PRUNING_SAFE_SPARSITY,
        Calibration.PRUNING_SAFE_DELTA, Calibration.PRUNING_DELTA_COEFFICIENT, Calibration.PRUNING_DELTA_EXPONENT);
    double size = workload.weightBytes(baseline) / r;
    return new CompressionResult(r, delta, speedup, size, Compression.memorySavingsPercent(r));
  }

  /**
   * Every quantization target in {@code precisions} and every sparsity in {@code sparsities} (with
   * {@code pattern}), each marked Pareto-optimal or not over (size ↓, speedup ↑, quality ↑).
   */
  public static List<SweepPoint> paretoSweep(Workload workload, HardwareNode hardware, int batch, double efficiency,
      Precision baseline, List<Precision> precisions, double[] sparsities, PruningPattern pattern) {
    List<String> labels = new ArrayList<>();
    List<CompressionResult> results = new ArrayList<>();
    for (Precision p : precisions) {
      labels.add("quantize " + p.id());
      results.add(quantize(workload, hardware, batch, efficiency, baseline, p));
    }
    for (double s : sparsities) {
      labels.add("prune " + pattern.name().toLowerCase(java.util.Locale.ROOT) + " " + s);
      results.add(prune(workload, hardware, batch, efficiency, baseline, s, pattern));
    }
    List<SweepPoint> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      CompressionResult a = results.get(i);
      boolean dominated = false;
      for (int j = 0; j < results.size() && !dominated; j++) {
        CompressionResult b = results.get(j);
        boolean noWorse = b.compressedSize() <= a.compressedSize() && b.compressionSpeedup() >= a.compressionSpeedup()
            && b.quality() >= a.quality();
        boolean better = b.compressedSize() < a.compressedSize() || b.compressionSpeedup() > a.compressionSpeedup()
            || b.quality() > a.quality();
        dominated = j != i && noWorse && better;
      }
      out.add(new SweepPoint(labels.get(i), a, !dominated));
    }
    return out;
  }

  private static Bottleneck baselineBottleneck(Workload workload, HardwareNode hardware, int batch, double efficiency,
      Precision baseline) {
    SingleNodeModel.SingleNodeResult r = SingleNodeModel.solve(workload, hardware, batch, baseline, efficiency);
    return r.latencyMemory() > r.latencyCompute() ? Bottleneck.MEMORY : Bottleneck.COMPUTE;
  }
}
