package io.mlsysim.training;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.InvalidInputException;

/**
 * How the step runs on the fleet, beyond the job's shape: whether the data-parallel reduction
 * overlaps the backward pass (and how much of the overlap window it can use), and the
 * pessimism factors for congestion, stragglers and expert load imbalance. Each factor is ≥ 1:
 * a factor below 1 would make the step faster than its own work, so it is refused.
 */
public record StepOptions(boolean overlapComm, double overlapEfficiency, double congestion, double straggler,
    double moeImbalance) {

  public static final StepOptions DEFAULTS = new StepOptions(false, Calibration.COMM_OVERLAP_EFFICIENCY,
      Calibration.DEFAULT_CONGESTION_FACTOR, Calibration.DEFAULT_STRAGGLER_FACTOR, Calibration.DEFAULT_MOE_IMBALANCE);

  public StepOptions {
    if (!(overlapEfficiency >= 0 && overlapEfficiency <= 1)) {
      throw new InvalidInputException("overlap_efficiency", "overlap_efficiency must be in [0, 1], got "
          + overlapEfficiency);
    }
    atLeastOne("congestion_factor", congestion);
    atLeastOne("straggler_factor", straggler);
    atLeastOne("moe_imbalance", moeImbalance);
  }

  private static void atLeastOne(String field, double value) {
    if (!(value >= 1) || Double.isInfinite(value)) {
      throw new InvalidInputException(field, field + " must be a finite number >= 1 (1 means none), got " + value
          + "; a factor below 1 would make the step shorter than its own work");
    }
  }

  public StepOptions withOverlap(boolean on) {
    return new StepOptions(on, overlapEfficiency, congestion, straggler, moeImbalance);
  }
}
