package io.mlsysim.hardware;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
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
    precisionFlops = new RateTable(precisionFlops);
  }

  public ComputeCore(double peakFlops) {
    this(peakFlops, Map.of(), 0);
  }

  /** The rate for a precision: its own figure if the datasheet gives one, else the peak. */
  public double flops(Precision precision) {
    double rate = ((RateTable) precisionFlops).rate(precision);
    return Double.isNaN(rate) ? peakFlops : rate;
  }

  /** True when {@link #flops} falls back to the peak for a precision other than fp16/bf16. */
  public boolean fallsBack(Precision precision) {
    return precision != Precision.FP16 && precision != Precision.BF16
        && Double.isNaN(((RateTable) precisionFlops).rate(precision));
  }

  /**
   * The immutable, name-sorted rate map, which also keeps the rates of the {@link Precision}
   * constants in an array so that {@link #flops} (called per evaluation) needs no string lookup.
   */
  private static final class RateTable extends AbstractMap<String, Double> {
    private final Map<String, Double> byName;
    private final double[] byPrecision = new double[Precision.values().length];

    RateTable(Map<String, Double> rates) {
      this.byName = rates instanceof RateTable t ? t.byName : Collections.unmodifiableMap(new TreeMap<>(rates));
      for (Precision p : Precision.values()) {
        Double r = byName.get(p.id());
        byPrecision[p.ordinal()] = r != null ? r : Double.NaN;
      }
    }

    double rate(Precision p) {
      return byPrecision[p.ordinal()];
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
      return byName.entrySet();
    }

    @Override
    public Double get(Object key) {
      return byName.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return byName.containsKey(key);
    }
  }
}
