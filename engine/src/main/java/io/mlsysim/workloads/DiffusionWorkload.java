package io.mlsysim.workloads;

import io.mlsysim.provenance.Provenance;

/** A diffusion model: one generation runs the network once per denoising step. */
public final class DiffusionWorkload extends Workload {
  private final int denoisingSteps;
  private final int resolution;

  public DiffusionWorkload(String name, WorkloadTier tier, double parameters, double flopsPerStep,
      int denoisingSteps, int resolution, Provenance source) {
    super(name, tier, parameters, flopsPerStep, Double.NaN, 0, source);
    this.denoisingSteps = denoisingSteps;
    this.resolution = resolution;
  }

  @Override
  public WorkloadFamily family() {
    return WorkloadFamily.DIFFUSION;
  }

  public int denoisingSteps() {
    return denoisingSteps;
  }

  /** Output image side in pixels, 0 when unknown. */
  public int resolution() {
    return resolution;
  }

  /** FLOP of one generation: per-step FLOP (or 2P) times the steps. */
  @Override
  public double inferenceOps() {
    double perStep = Double.isNaN(inferenceFlops()) ? 2 * parameters() : inferenceFlops();
    return perStep * denoisingSteps;
  }

  @Override
  protected void addFields(java.util.Map<String, Object> m) {
    m.put("denoising_steps", denoisingSteps);
    m.put("resolution", resolution);
  }
}
