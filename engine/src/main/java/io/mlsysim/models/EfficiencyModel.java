package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.KernelEfficiency;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * The software wall (3): how much of a device's peak a kernel type reaches. Each kernel type has a
 * calibrated utilisation at the reference efficiency, scaled by the requested η and capped; the
 * rest is split into occupancy loss and memory stall.
 */
public final class EfficiencyModel extends Model<EfficiencyModel.EfficiencyResult> {

  /** Kernel families with distinct achievable utilisation. */
  public enum Kernel { ATTENTION, FFN, CONV, OTHER }

  public static final Port<Kernel> KERNEL = Port.object("kernel", Kernel.class).withDefault(Kernel.FFN)
      .describedAs("kernel type: attention, ffn, conv or other");
  public static final Port<Boolean> FLASH_ATTENTION = CommonPorts.FLASH_ATTENTION;

  public static final Port<Double> KERNEL_MFU = Port.number("kernel_mfu");
  public static final Port<Double> ACHIEVABLE_FLOPS =
      Port.quantity("achievable_flops", QuantityKind.COMPUTE_RATE, "TFLOP/s");
  public static final Port<Double> OCCUPANCY_LOSS = Port.number("occupancy_loss");
  public static final Port<Double> MEMORY_STALL = Port.number("memory_stall");

  public record EfficiencyResult(double kernelMfu, double achievableFlops, double occupancyLoss,
      double memoryStall) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(KERNEL_MFU, kernelMfu);
      out.putDouble(ACHIEVABLE_FLOPS, achievableFlops);
      out.putDouble(OCCUPANCY_LOSS, occupancyLoss);
      out.putDouble(MEMORY_STALL, memoryStall);
    }

    @Override
    public List<String> trace() {
      return List.of("Software Wall: kernel reaches " + Display.number(kernelMfu * 100) + "% of peak ("
          + Display.format(achievableFlops, QuantityKind.COMPUTE_RATE) + "); occupancy loss "
          + Display.number(occupancyLoss * 100) + "%, memory stall " + Display.number(memoryStall * 100) + "%");
    }
  }

  public EfficiencyModel() {
    super(Schema.model("EfficiencyModel")
        .describedAs("Achievable MFU of a kernel type, with occupancy and memory-stall losses")
        .requires(CommonPorts.HARDWARE, CommonPorts.PRECISION, CommonPorts.EFFICIENCY, KERNEL, FLASH_ATTENTION)
        .produces(KERNEL_MFU, ACHIEVABLE_FLOPS, OCCUPANCY_LOSS, MEMORY_STALL)
        .walls(3)
        .fallacy("Peak FLOP/s is what a model gets",
            "Unfused attention reaches well under half of peak; only fused kernels approach it")
        .build());
  }

  @Override
  public EfficiencyResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.HARDWARE), in.get(CommonPorts.PRECISION), in.getDouble(CommonPorts.EFFICIENCY),
        in.get(KERNEL), in.getFlag(FLASH_ATTENTION));
  }

  public static EfficiencyResult solve(HardwareNode hardware, Precision precision, double efficiency, Kernel kernel,
      boolean flashAttention) {
    Checks.efficiency("efficiency", efficiency);
    if (kernel == null) {
      throw new IllegalArgumentException("kernel must be one of attention, ffn, conv, other");
    }
    double ref = Calibration.MFU_REFERENCE_EFFICIENCY;
    double mfu = switch (kernel) {
      case ATTENTION -> flashAttention
          ? KernelEfficiency.mfu(efficiency, ref, Calibration.FLASH_ATTENTION_MFU, Calibration.FLASH_ATTENTION_MFU_CAP)
          : KernelEfficiency.mfu(efficiency, ref, Calibration.ATTENTION_MFU, Double.POSITIVE_INFINITY);
      case FFN -> KernelEfficiency.mfu(efficiency, ref, Calibration.FFN_MFU, Calibration.FFN_MFU_CAP);
      case CONV -> KernelEfficiency.mfu(efficiency, ref, Calibration.CONV_MFU, Calibration.CONV_MFU_CAP);
      case OTHER -> KernelEfficiency.mfu(efficiency, ref, Calibration.OTHER_KERNEL_MFU, Double.POSITIVE_INFINITY);
    };
    double occupancy = KernelEfficiency.occupancyLoss(efficiency, Calibration.OCCUPANCY_HEADROOM);
    return new EfficiencyResult(mfu, hardware.compute().flops(precision) * mfu, occupancy,
        KernelEfficiency.memoryStall(mfu, occupancy));
  }
}
