package io.mlsysim.training.terms;

import io.mlsysim.core.Port;
import io.mlsysim.training.MemoryTerm;
import io.mlsysim.training.StepContext;
import io.mlsysim.training.TrainingJob;
import io.mlsysim.training.TrainingLayout;
import io.mlsysim.units.QuantityKind;

/**
 * Communication buffers: {@code comm_buffer_fraction} of the gradient bytes for the bucketed
 * reduction, plus, with a pipeline, a send and a receive buffer of one micro-batch's boundary
 * tensor split across the tensor-parallel ranks ({@code 2·b·s·h·bytes/tp}).
 */
public final class BufferMemory implements MemoryTerm {
  public static final Port<Double> PORT = Port.quantity("buffer_memory", QuantityKind.DATA_SIZE, "GB")
      .describedAs("gradient-bucket and pipeline send/receive buffers");
  private static final GradientsMemory GRADIENTS = new GradientsMemory();

  @Override
  public Port<Double> port() {
    return PORT;
  }

  @Override
  public double bytes(TrainingLayout l) {
    TrainingJob j = l.job();
    double b = j.bufferFraction() * GRADIENTS.bytes(l);
    if (j.pp() > 1) {
      b += 2 * l.tokensPerMicrobatch() * j.workload().hiddenSize() * StepContext.storageBytes(j.precision()) / j.tp();
    }
    return b;
  }
}
