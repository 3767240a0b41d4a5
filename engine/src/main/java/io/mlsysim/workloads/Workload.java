package io.mlsysim.workloads;

import io.mlsysim.hardware.Precision;
import io.mlsysim.provenance.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ML model as the engine sees it: a parameter count, the work of one inference and the
 * bytes it must move. Optional figures are NaN. Subclasses add the shape of their family.
 *
 * <p>What {@link #inferenceFlops()} counts depends on the family: per generated token for
 * language models, per sequence for encoders, per input for vision models, per denoising step
 * for diffusion.
 */
public class Workload {
  private final String name;
  private final WorkloadTier tier;
  private final double parameters;
  private final double inferenceFlops;
  private final double modelSize;
  private final int layers;
  private final Provenance source;

  public Workload(String name, WorkloadTier tier, double parameters, double inferenceFlops,
      double modelSize, int layers, Provenance source) {
    this.name = name;
    this.tier = tier;
    this.parameters = parameters;
    this.inferenceFlops = inferenceFlops;
    this.modelSize = modelSize;
    this.layers = layers;
    this.source = source;
  }

  public String name() {
    return name;
  }

  public WorkloadTier tier() {
    return tier;
  }

  public WorkloadFamily family() {
    return WorkloadFamily.GENERIC;
  }

  /** Parameter count, NaN when only a model size is known (e.g. an embedding table). */
  public double parameters() {
    return parameters;
  }

  public boolean hasParameters() {
    return !Double.isNaN(parameters);
  }

  /** The registry's inference FLOP figure, NaN when the registry gives none. */
  public double inferenceFlops() {
    return inferenceFlops;
  }

  /** Explicit model size in bytes, NaN unless the registry gives one. */
  public double modelSize() {
    return modelSize;
  }

  /** Layer count, 0 when unknown. */
  public int layers() {
    return layers;
  }

  public Provenance source() {
    return source;
  }

  /** Weight bytes at a precision: the explicit size if any, else parameters × bytes. */
  public double weightBytes(Precision precision) {
    if (!Double.isNaN(modelSize)) {
      return modelSize;
    }
    return parameters * precision.bytes();
  }

  /** FLOP of one inference: the registry figure, else 2 per parameter. */
  public double inferenceOps() {
    if (!Double.isNaN(inferenceFlops)) {
      return inferenceFlops;
    }
    return hasParameters() ? 2 * parameters : 0;
  }

  /** Every field by snake_case name, canonical units, for JSON output and the zoo digest. */
  public final Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("family", family().id());
    m.put("tier", tier.id());
    m.put("parameters", parameters);
    m.put("inference_flops", inferenceFlops);
    m.put("model_size_bytes", modelSize);
    m.put("layers", layers);
    addFields(m);
    m.put("source", source);
    return m;
  }

  /** Subclasses add the fields of their family. */
  protected void addFields(Map<String, Object> m) {}

  @Override
  public String toString() {
    return family().id() + " " + name;
  }
}
