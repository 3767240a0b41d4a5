package io.mlsysim.training.terms;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.training.StepContext;
import io.mlsysim.units.QuantityKind;

/**
 * Memory-bound kernels — layer norms, softmax, dropout, GeLU, residual adds — that stream a
 * layer's tensors through HBM: {@code m·L_stage·k·A_layer/β_HBM}, with {@code A_layer} the
 * layer's activation bytes when nothing is recomputed (Korthikanti et al. 2022, Table 2, so
 * sequence parallelism divides the replicated part by tp) and {@code k} passes per forward and
 * backward ({@code ELEMENTWISE_PASSES}, fitted); full recomputation streams the forward again (×4/3).
 */
public final class ElementwiseCompute extends BaseStepTerm {
  public static final Port<Double> PORT = Port.quantity("elementwise_latency", QuantityKind.TIME, "ms")
      .describedAs("memory-bound kernels (norms, softmax, dropout, activations) streaming the layer's tensors");

  public ElementwiseCompute() {
    super(PORT, Kind.COMPUTE, true);
  }

  @Override
  public double seconds(StepContext c, double pipelineSoFar, double stepSoFar) {
    double passes = Calibration.ELEMENTWISE_PASSES * (c.fullRecompute() ? 4.0 / 3 : 1);
    return (double) c.m() * c.layers() * passes * c.layerActivationTraffic() / c.hbmBandwidth;
  }
}
