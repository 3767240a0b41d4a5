package org.example.mlsysim;

import io.mlsysim.Hardware;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Optimizer;
import io.mlsysim.core.OptimizerResult;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;
import java.util.Map;

// region:optimizer
/** Searches the hardware zoo for the cheapest device that reaches a compute floor. */
public final class CheapestDeviceOptimizer extends Optimizer<CheapestDeviceOptimizer.CheapestDeviceResult> {

  public static final Port<Double> MIN_FLOPS =
      Port.quantity("min_flops", QuantityKind.COMPUTE_RATE, "TFLOP/s").positive();
  public static final Port<HardwareNode> HARDWARE = Port.object("hardware", HardwareNode.class);
  public static final Port<Double> CHEAPEST_COST = Port.quantity("cheapest_cost", QuantityKind.MONEY);
  public static final Port<String> HARDWARE_NAME = Port.text("hardware_name");
  public static final Port<Integer> QUALIFYING = Port.count("qualifying");

  public record CheapestDeviceResult(HardwareNode hardware, double cheapestCost, String hardwareName,
      int qualifying, long totalSearched) implements OptimizerResult {
    @Override
    public void export(Outputs out) {
      out.put(HARDWARE, hardware); // the winner feeds downstream stages, e.g. PowerEfficiencyModel
      out.putDouble(CHEAPEST_COST, cheapestCost);
      out.put(HARDWARE_NAME, hardwareName);
      out.putInt(QUALIFYING, qualifying);
    }

    @Override
    public double objectiveValue() {
      return cheapestCost;
    }

    @Override
    public Map<String, Object> bestConfig() {
      return Map.of("hardware", hardwareName);
    }

    @Override
    public List<String> trace() {
      return List.of(qualifying + " of " + totalSearched + " devices reach the compute floor",
          hardwareName + " is the cheapest of them at " + Display.format(cheapestCost, QuantityKind.MONEY));
    }
  }

  public CheapestDeviceOptimizer() {
    super(Schema.optimizer("CheapestDeviceOptimizer")
        .requires(MIN_FLOPS)
        .produces(HARDWARE, CHEAPEST_COST, HARDWARE_NAME, QUALIFYING)
        .objective(QuantityKind.MONEY, Schema.Goal.MINIMIZE)
        .build());
  }

  @Override
  public CheapestDeviceResult evaluate(Inputs in) {
    double floor = in.getDouble(MIN_FLOPS);
    List<HardwareNode> space = Hardware.list(); // 1. the design space
    HardwareNode best = null;
    int qualifying = 0;
    for (HardwareNode hw : space) {
      if (!hw.hasUnitCost() || hw.compute().peakFlops() < floor) {
        continue; // 2. the constraint
      }
      qualifying++;
      if (best == null || hw.unitCost() < best.unitCost()) {
        best = hw; // 3. the objective: minimise cost
      }
    }
    if (best == null) {
      throw new InvalidInputException("min_flops", "no priced hardware reaches min_flops = "
          + Display.format(floor, QuantityKind.COMPUTE_RATE) + "; lower the floor");
    }
    return new CheapestDeviceResult(best, best.unitCost(), best.name(), qualifying, space.size());
  }
}
// endregion
