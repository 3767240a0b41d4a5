package io.mlsysim.optimizers;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Optimizer;
import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.zoo.Zoo;
import java.util.List;
import java.util.Map;

/**
 * The cheapest device in the zoo whose peak compute reaches a floor. Every device is a
 * candidate (total_searched is the zoo's size); devices without a price or below the floor are
 * dropped with their reason.
 */
public final class CheapestHardwareOptimizer extends Optimizer<SearchResult> {

  public static final Port<Double> MIN_FLOPS = Port.quantity("min_flops", QuantityKind.COMPUTE_RATE, "TFLOP/s")
      .positive().describedAs("the compute floor: peak FLOP/s (default precision) at least this");
  public static final Port<Integer> TOP_K = ParallelismOptimizer.TOP_K;
  public static final Port<HardwareNode> HARDWARE = Port.object("hardware", HardwareNode.class)
      .describedAs("the winning device, for downstream stages");
  public static final Port<String> HARDWARE_NAME = Port.text("hardware_name");
  public static final Port<Double> CHEAPEST_COST = Port.quantity("cheapest_cost", QuantityKind.MONEY);

  static final String NO_PRICE = "no unit cost in the zoo";
  static final String TOO_SLOW = "peak FLOP/s below the floor";

  public CheapestHardwareOptimizer() {
    super(Schema.optimizer("CheapestHardwareOptimizer")
        .describedAs("Cheapest zoo device whose peak FLOP/s reaches a floor")
        .requires(MIN_FLOPS, TOP_K)
        .produces(HARDWARE, HARDWARE_NAME, CHEAPEST_COST,
            SearchResult.RANKED, SearchResult.FEASIBLE_COUNT, SearchResult.SCREENED_COUNT)
        .objective(QuantityKind.MONEY, Schema.Goal.MINIMIZE)
        .walls(1, 17)
        .build());
  }

  @Override
  public SearchResult evaluate(Inputs in) {
    return optimize(Zoo.current().hardware().list(), in.getDouble(MIN_FLOPS), in.getInt(TOP_K));
  }

  /** Direct call over any list of devices. */
  public static SearchResult optimize(List<HardwareNode> space, double minFlops, int topK) {
    Ranking ranking = new Ranking(false, NO_PRICE, TOO_SLOW);
    ranking.considered(space.size());
    for (HardwareNode hw : space) {
      if (!hw.hasUnitCost()) {
        ranking.drop(NO_PRICE);
      } else if (hw.compute().peakFlops() < minFlops) {
        ranking.drop(TOO_SLOW);
      } else {
        ranking.accept(Map.of("hardware", hw.name()), hw.unitCost(), Map.of("device", hw,
            "peak_flops", hw.compute().peakFlops()));
      }
    }
    return ranking.result("unit cost", v -> Display.format(v, QuantityKind.MONEY), topK,
        "compute floor " + Display.format(minFlops, QuantityKind.COMPUTE_RATE),
        (r, out) -> {
          SearchResult.Candidate b = r.best();
          out.put(HARDWARE, (HardwareNode) b.metrics().get("device"));
          out.put(HARDWARE_NAME, (String) b.config().get("hardware"));
          out.putDouble(CHEAPEST_COST, b.objective());
        }, MIN_FLOPS.name(), "no priced device reaches min_flops = " + Display.format(minFlops, QuantityKind.COMPUTE_RATE)
            + "; lower the floor");
  }
}
