package org.example.mlsysim;

import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.QuantityKind;

// region:model
/** Peak compute per watt of an accelerator: how much arithmetic each joule buys. */
public final class PowerEfficiencyModel extends Model<PowerEfficiencyModel.PowerEfficiencyResult> {

  // Ports are declared once and shared by the model and its result.
  public static final Port<HardwareNode> HARDWARE = Port.object("hardware", HardwareNode.class);
  public static final Port<Double> FLOPS_PER_WATT =
      Port.quantity("flops_per_watt", QuantityKind.COMPUTE_PER_WATT, "TFLOP/s/W");
  public static final Port<Boolean> IS_EFFICIENT = Port.flag("is_efficient");

  /** Above this a device counts as efficient: 1 TFLOP/s per watt, in canonical FLOP/s/W. */
  static final double THRESHOLD = 1e12;

  /** The typed result; export() hands each field to its port, which carries the unit. */
  public record PowerEfficiencyResult(double flopsPerWatt, boolean isEfficient) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(FLOPS_PER_WATT, flopsPerWatt);
      out.putFlag(IS_EFFICIENT, isEfficient);
    }
  }

  public PowerEfficiencyModel() {
    super(Schema.model("PowerEfficiencyModel")
        .describedAs("Peak FLOP/s per watt of TDP")
        .requires(HARDWARE)
        .produces(FLOPS_PER_WATT, IS_EFFICIENT)
        .walls(1)
        .fallacy("A faster chip is a more efficient chip",
            "Efficiency is rate per watt; a slower, cooler part can do more work per joule")
        .build());
  }

  /** Direct Java call, no pipeline needed. */
  public PowerEfficiencyResult solve(HardwareNode hardware) {
    if (!hardware.hasTdp()) {
      throw new InvalidInputException("hardware", hardware.name() + " has no TDP specified;"
          + " input 'hardware' needs a power figure (tdp) to compute FLOP/s per watt");
    }
    double fpw = hardware.compute().peakFlops() / hardware.tdp();
    return new PowerEfficiencyResult(fpw, fpw > THRESHOLD);
  }

  @Override
  public PowerEfficiencyResult evaluate(Inputs in) {
    return solve(in.get(HARDWARE));
  }
}
// endregion
