package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepTerm;

/** What every time term declares — its column, its kind, whether it repeats per micro-batch — held once. */
abstract class BaseStepTerm implements StepTerm {
  private final Port<Double> port;
  private final Kind kind;
  private final boolean perMicrobatch;

  BaseStepTerm(Port<Double> port, Kind kind, boolean perMicrobatch) {
    this.port = port;
    this.kind = kind;
    this.perMicrobatch = perMicrobatch;
  }

  @Override
  public final Port<Double> port() {
    return port;
  }

  @Override
  public final Kind kind() {
    return kind;
  }

  @Override
  public final boolean perMicrobatch() {
    return perMicrobatch;
  }
}
