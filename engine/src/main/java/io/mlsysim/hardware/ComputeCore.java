package io.mlsysim.hardware;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of a device.
 *
 * @param peakFlops dense FP16/BF16 rate in FLOP/s: the rate used when no precision-specific
 *     figure exists
 * @param precisionFlops rates by precision name in FLOP/s (fp32, tf32, fp8, int8, fp16_sparse, …)
 * @param smCount streaming multiprocessors or equivalent cores, 0 when unknown
 */
public record ComputeCore(double peakFlops, Map<String, Double> precisionFlops, int smCount) {

  public ComputeCore {
    precisionFlops = Collections.unmodifiableMap(new TreeMap<>(precisionFlops));
  }

  public ComputeCore(double peakFlops) {
    this(peakFlops, Map.of(), 0);
  }

  /** The rate for a precision: its own figure if the datasheet gives one, else the peak. */
  public double flops(Precision precision) {
    Double rate = precisionFlops.get(precision.id());
    return rate != null ? rate : peakFlops;
  }

  /** True when {@link #flops} falls back to the peak for a precision other than fp16/bf16. */
  public boolean fallsBack(Precision precision) {
    return precision != Precision.FP16 && precision != Precision.BF16
        && !precisionFlops.containsKey(precision.id());
  }
}
