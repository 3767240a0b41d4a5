package io.mlsysim.training;

import io.mlsysim.core.InfeasibleException;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.physics.Collectives;
import io.mlsysim.systems.Fleet;

/**
 * One optimizer step of a job on a fleet, evaluated: every time term and memory term of the
 * busiest rank, their sums, and the fleet's throughput and MFU. The data-parallel degree is what
 * the fleet leaves after tensor and pipeline parallelism, N/(tp·pp).
 */
public final class TrainingStep {
  public final TrainingLayout layout;
  public final Placement placement;
  public final StepContext context;
  /** Seconds per term, in {@link StepTerms} order. */
  public final double[] times = new double[StepTerms.count()];
  /** Bytes per term, in {@link MemoryTerms} order. */
  public final double[] memory = new double[MemoryTerms.count()];
  public final double stepTime;
  public final double computeTime;
  public final double communicationTime;
  public final double memoryPerRank;
  public final double capacity;
  public final Fleet fleet;

  private TrainingStep(TrainingJob job, Fleet fleet, StepOptions options) {
    this.fleet = fleet;
    this.layout = TrainingLayout.of(job);
    this.placement = Placement.of(fleet, layout);
    HardwareNode hw = fleet.accelerator();
    this.context = new StepContext(layout, placement, hw, options);
    this.stepTime = StepTerms.evaluate(context, times);
    this.computeTime = StepTerms.sum(times, StepTerm.Kind.COMPUTE);
    this.communicationTime = StepTerms.sum(times, StepTerm.Kind.COMMUNICATION);
    this.memoryPerRank = MemoryTerms.evaluate(layout, memory);
    this.capacity = hw.memory().capacity();
  }

  /**
   * Evaluates {@code shape} (whose dp is replaced by the fleet's) on {@code fleet}; a fleet that
   * tp·pp does not divide is an {@link InfeasibleException}.
   */
  public static TrainingStep of(TrainingJob shape, Fleet fleet, StepOptions options) {
    int dp = dataParallelDegree(fleet, shape.tp(), shape.pp());
    return new TrainingStep(shape.dp() == dp ? shape : shape.withDp(dp), fleet, options);
  }

  /** What the fleet leaves for data parallelism, N/(tp·pp), or {@link InfeasibleException}. */
  public static int dataParallelDegree(Fleet fleet, int tp, int pp) {
    int n = fleet.totalAccelerators();
    long model = (long) tp * pp;
    if (tp <= 0 || pp <= 0 || model > n || n % model != 0) {
      throw new InfeasibleException("tp × pp = " + tp + " × " + pp + " = " + model + " does not divide the " + n
          + " accelerators of " + fleet.name() + "; choose degrees whose product divides " + n);
    }
    return (int) (n / model);
  }

  /** Sequences per second across the fleet: batch / step. */
  public double throughput() {
    return layout.job().batch() / stepTime;
  }

  /** Compute share of the step: rank compute over step time. */
  public double scalingEfficiency() {
    return computeTime / stepTime;
  }

  /** Share of the pipeline schedule spent in fill and drain (see {@link Collectives#bubbleFraction}). */
  public double bubbleFraction() {
    return Collectives.bubbleFraction(layout.job().pp(), layout.microbatches(), layout.job().interleave());
  }

  /**
   * Model FLOP utilisation: the model's FLOPs per step (forward and backward, no recomputation;
   * Narayanan et al. 2021's count without its recompute pass) over what the fleet's peak could do
   * in the step.
   */
  public double mfu() {
    TrainingJob j = layout.job();
    double s = j.seqLen();
    double h = j.workload().hiddenSize();
    double perSequence = 3 * (j.workload().layers() * (2 * s * layout.activeLayerParams() + 4 * s * s * h)
        + 2 * s * layout.vocabParams());
    return j.batch() * perSequence / (fleet.totalAccelerators() * stepTime * context.gemmPeak);
  }

  public boolean fits() {
    return memoryPerRank <= capacity;
  }
}
