package io.mlsysim.optimizers;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Optimizer;
import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.Frame;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.models.CommonPorts;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.FleetPorts;
import io.mlsysim.models.SustainabilityModel;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The region (electricity grid) where running a fleet for a period costs least once carbon is
 * priced: TCO + carbon tonnes × carbon tax. Each region is scored by the chain
 * {@link SustainabilityModel} → {@link EconomicsModel}; every region is returned, ranked.
 */
public final class PlacementOptimizer extends Optimizer<SearchResult> {

  public static final Port<String> REGIONS = Port.text("regions").withDefault(Calibration.DEFAULT_PLACEMENT_REGIONS)
      .describedAs("comma-separated grid names to compare");
  public static final Port<Double> CARBON_TAX = Port.number("carbon_tax").withDefault(Calibration.CARBON_TAX_PER_TONNE)
      .nonNegative().describedAs("carbon price in USD per tonne of CO2e");
  public static final Port<String> BEST_REGION = Port.text("best_region");
  public static final Port<Double> BEST_TCO = Port.quantity("best_tco", QuantityKind.MONEY);
  public static final Port<Double> BEST_CARBON = Port.quantity("best_carbon", QuantityKind.MASS, "kg");
  public static final Port<Double> BEST_CARBON_COST = Port.quantity("best_carbon_cost", QuantityKind.MONEY);

  public PlacementOptimizer() {
    super(Schema.optimizer("PlacementOptimizer")
        .describedAs("Region with the lowest TCO plus priced carbon for a fleet over a period")
        .requires(CommonPorts.FLEET, CommonPorts.DURATION, FleetPorts.MFU_IN, REGIONS, CARBON_TAX)
        .produces(BEST_REGION, BEST_TCO, BEST_CARBON, BEST_CARBON_COST,
            SearchResult.RANKED, SearchResult.FEASIBLE_COUNT, SearchResult.SCREENED_COUNT)
        .objective(QuantityKind.MONEY, Schema.Goal.MINIMIZE)
        .walls(17, 18)
        .fallacy("Cheap power is clean power",
            "Electricity price and carbon intensity are different axes; a carbon price can flip the ranking")
        .build());
  }

  @Override
  public SearchResult evaluate(Inputs in) {
    return optimize(in.get(CommonPorts.FLEET), in.getDouble(CommonPorts.DURATION), in.getDouble(FleetPorts.MFU_IN),
        regions(in.get(REGIONS)), in.getDouble(CARBON_TAX), CandidateEvaluator.LOCAL);
  }

  /** Zoo grids for a comma-separated list of names. */
  public static List<GridProfile> regions(String names) {
    List<GridProfile> out = new ArrayList<>();
    for (String n : names.split(",")) {
      if (!n.isBlank()) {
        out.add(Zoo.current().grids().get(n.trim()));
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(REGIONS.name(), "input 'regions' names no grid; give e.g. US_Avg,Quebec");
    }
    return out;
  }

  /** Direct call. */
  public SearchResult optimize(Fleet fleet, double duration, double mfu, List<GridProfile> regions, double carbonTax,
      CandidateEvaluator evaluator) {
    if (!(duration > 0)) {
      throw new InvalidInputException(CommonPorts.DURATION.name(), "input 'duration' must be positive");
    }
    io.mlsysim.physics.Checks.fraction(FleetPorts.MFU_IN.name(), mfu);
    Ranking ranking = new Ranking(false, "refused by the cost models");
    ranking.considered(regions.size());
    CompiledPipeline plan = Pipeline.of(new SustainabilityModel(), new EconomicsModel()).compiled();
    final int width = 3;
    double[] scores = new double[regions.size() * width];
    String[] errors = new String[regions.size()];
    evaluator.evaluate(plan, regions.size(), new CandidateEvaluator.FrameScorer() {
      @Override
      public void prepare(Frame f) {
        f.set(CommonPorts.FLEET, fleet).setDouble(CommonPorts.DURATION, duration).setDouble(FleetPorts.MFU_IN, mfu);
      }

      @Override
      public void load(int k, Frame f) {
        f.set(CommonPorts.GRID, regions.get(k));
      }

      @Override
      public void read(Frame f, double[] out, int o) {
        out[o] = f.getDouble(EconomicsModel.TCO);
        out[o + 1] = f.getDouble(SustainabilityModel.TOTAL_CARBON);
        out[o + 2] = f.getDouble(EconomicsModel.ENERGY_COST);
      }
    }, width, scores, errors);
    for (int k = 0; k < regions.size(); k++) {
      int o = k * width;
      if (Double.isNaN(scores[o])) {
        ranking.drop("refused by the cost models");
        continue;
      }
      double carbonCost = io.mlsysim.physics.Economics.carbonCost(scores[o + 1], carbonTax);
      ranking.accept(Map.of("region", regions.get(k).name()), scores[o] + carbonCost,
          Map.of("tco", scores[o], "carbon_kg", scores[o + 1], "carbon_cost", carbonCost, "energy_cost", scores[o + 2]));
    }
    return ranking.result("TCO + carbon cost", v -> Display.format(v, QuantityKind.MONEY), 0,
        "energy and carbon: CapEx and maintenance are the same in every region, so the grid's price and carbon "
            + "intensity decide",
        (r, out) -> {
          SearchResult.Candidate b = r.best();
          out.put(BEST_REGION, (String) b.config().get("region"));
          out.putDouble(BEST_TCO, (Double) b.metrics().get("tco"));
          out.putDouble(BEST_CARBON, (Double) b.metrics().get("carbon_kg"));
          out.putDouble(BEST_CARBON_COST, (Double) b.metrics().get("carbon_cost"));
        }, REGIONS.name(), "no region could be costed");
  }
}
