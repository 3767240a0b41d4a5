package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * The output layer on the last stage: {@code 3·m·2·tokens·V·h/(tp·peak·η)}, forward and
 * backward of the logits (Narayanan et al. 2021, Appendix: the {@code 6·B·s·h·V} term). The
 * embedding lookup on the first stage does no arithmetic worth counting.
 */
public final class OutputLayerCompute extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("output_layer_latency", QuantityKind.TIME, "ms")
      .describedAs("the output (logit) layer on the last pipeline stage");

  public OutputLayerCompute() {
    super(PORT, Kind.COMPUTE, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    return 3.0 * c.m() * c.outputFlops / (c.attentionPeak * c.attentionEfficiency);
  }
}
