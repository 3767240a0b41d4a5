package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.physics.Checks;
import io.mlsysim.physics.Economics;
import io.mlsysim.physics.Roofline;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * What a deployment of serving replicas delivers and costs at a request rate (walls 4 and 17).
 * A replica keeps {@code batch} requests in flight, each taking TTFT plus one ITL per output
 * token, so by Little's law it completes {@code batch / (TTFT + n·ITL)} requests per second;
 * {@code replicas} of {@code tp} accelerators each must cover the rate. The fleet is priced
 * per second as {@link EconomicsModel} prices a period (straight-line CapEx share over 3 years,
 * 5 %/year maintenance, energy at the grid's price) and divided by the output tokens served.
 * Device power follows the linear idle + dynamic model with the replicas' busy fraction as the
 * utilisation; the energy is the accelerators' (IT) energy, before the facility's PUE.
 */
public final class ServingCostModel extends Model<ServingCostModel.ServingCostResult> {

  public static final Port<Integer> REPLICAS = Port.count("replicas").withDefault(1).positive()
      .describedAs("serving replicas deployed, each of tp accelerators");

  public static final Port<Double> REPLICA_REQUEST_RATE = Port.quantity("replica_request_rate", QuantityKind.RATE)
      .describedAs("requests per second one replica completes: batch / (TTFT + output_tokens·ITL)");
  public static final Port<Integer> REQUIRED_REPLICAS = Port.count("required_replicas")
      .describedAs("fewest replicas that serve the request rate");
  public static final Port<Integer> ACCELERATORS = Port.count("accelerators").describedAs("replicas × tp");
  public static final Port<Double> REPLICA_LOAD = Port.number("replica_load")
      .describedAs("request rate over what the replicas can serve: their busy fraction");
  public static final Port<Double> OUTPUT_TOKEN_RATE = Port.quantity("output_token_rate", QuantityKind.RATE)
      .describedAs("output tokens per second delivered: qps × output_tokens");
  public static final Port<Double> TOKENS_PER_ACCELERATOR = Port.quantity("tokens_per_accelerator", QuantityKind.RATE)
      .describedAs("output tokens per second per accelerator");
  public static final Port<Double> SERVING_POWER = Port.quantity("serving_power", QuantityKind.POWER)
      .describedAs("accelerators' power at the replicas' load");
  public static final Port<Double> ENERGY_PER_TOKEN = Port.quantity("energy_per_token", QuantityKind.ENERGY)
      .describedAs("accelerator energy per output token");
  public static final Port<Double> COST_PER_HOUR = Port.quantity("cost_per_hour", QuantityKind.MONEY)
      .describedAs("CapEx share, maintenance and energy of the deployment per hour");
  public static final Port<Double> COST_PER_MILLION_TOKENS =
      Port.quantity("cost_per_million_output_tokens", QuantityKind.MONEY)
          .describedAs("cost of one million output tokens at the request rate");
  public static final Port<Boolean> REQUEST_RATE_FEASIBLE = Port.flag("request_rate_feasible")
      .describedAs("the replicas serve the request rate");

  /** One deployment; rates per second, power in W, energy in J, money in USD. */
  public record ServingCostResult(double replicaRequestRate, int requiredReplicas, int accelerators, double load,
      double outputTokenRate, double tokensPerAccelerator, double power, double energyPerToken, double costPerHour,
      double costPerMillionTokens, boolean feasible) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(REPLICA_REQUEST_RATE, replicaRequestRate);
      out.putInt(REQUIRED_REPLICAS, requiredReplicas);
      out.putInt(ACCELERATORS, accelerators);
      out.putDouble(REPLICA_LOAD, load);
      out.putDouble(OUTPUT_TOKEN_RATE, outputTokenRate);
      out.putDouble(TOKENS_PER_ACCELERATOR, tokensPerAccelerator);
      out.putDouble(SERVING_POWER, power);
      out.putDouble(ENERGY_PER_TOKEN, energyPerToken);
      out.putDouble(COST_PER_HOUR, costPerHour);
      out.putDouble(COST_PER_MILLION_TOKENS, costPerMillionTokens);
      out.putFlag(REQUEST_RATE_FEASIBLE, feasible);
    }

    @Override
    public List<String> trace() {
      return List.of("Capacity: " + accelerators + " accelerators at " + Display.number(load * 100) + " % load"
          + (feasible ? "" : " (FAILED: " + requiredReplicas + " replicas needed)"),
          "Capital Wall: " + Display.format(costPerMillionTokens, QuantityKind.MONEY) + " per million output tokens, "
              + Display.format(energyPerToken, QuantityKind.ENERGY) + " per token");
    }
  }

  public ServingCostModel() {
    super(Schema.model("ServingCostModel")
        .describedAs("Replicas for a request rate, cost per million output tokens, tokens/s per accelerator, energy per token")
        .requires(ServingModel.TTFT, ServingModel.ITL, CommonPorts.HARDWARE, CommonPorts.BATCH, CommonPorts.TP,
            REPLICAS, ServingCapacityModel.QPS, ServingCapacityModel.OUTPUT_TOKENS, CommonPorts.GRID,
            FleetPorts.ELECTRICITY_PRICE, FleetPorts.UNIT_COST, FleetPorts.INFRA_MULTIPLIER)
        .produces(REPLICA_REQUEST_RATE, REQUIRED_REPLICAS, ACCELERATORS, REPLICA_LOAD, OUTPUT_TOKEN_RATE,
            TOKENS_PER_ACCELERATOR, SERVING_POWER, ENERGY_PER_TOKEN, COST_PER_HOUR, COST_PER_MILLION_TOKENS,
            REQUEST_RATE_FEASIBLE)
        .walls(4, 17)
        .fallacy("The fastest accelerator serves tokens cheapest",
            "Cost per token is the fleet's price per second over tokens per second: a cheaper device at a larger batch often wins")
        .build());
  }

  @Override
  public ServingCostResult evaluate(Inputs in) {
    return solve(in.getDouble(ServingModel.TTFT), in.getDouble(ServingModel.ITL), in.get(CommonPorts.HARDWARE),
        in.getInt(CommonPorts.BATCH), in.getInt(CommonPorts.TP), in.getInt(REPLICAS),
        in.getDouble(ServingCapacityModel.QPS), in.getInt(ServingCapacityModel.OUTPUT_TOKENS), in.get(CommonPorts.GRID),
        in.getDouble(FleetPorts.ELECTRICITY_PRICE), in.getDouble(FleetPorts.UNIT_COST),
        in.getDouble(FleetPorts.INFRA_MULTIPLIER));
  }

  /**
   * @param ttft, itl in s; qps in requests/s; NaN {@code price} means the grid's price (else the
   *     default), NaN {@code unitCost} the hardware's price
   */
  public static ServingCostResult solve(double ttft, double itl, HardwareNode hardware, int batch, int tp,
      int replicas, double qps, int outputTokens, GridProfile grid, double price, double unitCost,
      double infraMultiplier) {
    Checks.nonNegative("ttft", ttft);
    Checks.positive("itl", itl);
    Checks.positive("batch", batch);
    Checks.positive("tp", tp);
    Checks.positive("replicas", replicas);
    Checks.positive("qps", qps);
    Checks.positive("output_tokens", outputTokens);
    Checks.positive("infra_multiplier", infraMultiplier);
    double unit = Double.isNaN(unitCost) ? hardware.unitCost() : Checks.nonNegative("unit_cost", unitCost);
    if (Double.isNaN(unit)) {
      throw new IllegalArgumentException("hardware " + hardware.name() + " has no known unit price, so its tokens "
          + "cannot be priced; give unit_cost");
    }
    if (!hardware.hasTdp()) {
      throw new IllegalArgumentException("hardware " + hardware.name() + " has no TDP, so its energy per token is "
          + "unknown; pick hardware with a TDP");
    }
    double perJoule = !Double.isNaN(price) ? Checks.nonNegative("electricity_price", price)
        : grid != null && grid.hasElectricityPrice() ? grid.electricityPrice() : Calibration.DEFAULT_ELECTRICITY_PRICE;

    double requestTime = ttft + outputTokens * itl;
    double replicaRate = batch / requestTime;
    int required = (int) Math.min(Integer.MAX_VALUE, Math.ceil(qps / replicaRate));
    int accelerators = replicas * tp;
    double load = qps / (replicas * replicaRate);
    boolean feasible = load <= 1;
    double tokenRate = qps * outputTokens;
    double power = accelerators * Roofline.power(hardware.tdp(), Calibration.IDLE_POWER_FRACTION,
        Calibration.DYNAMIC_POWER_FRACTION, Roofline.clamp01(load));
    double capex = Economics.capex(unit, accelerators, infraMultiplier);
    double perSecond = Economics.tco(Economics.capexForPeriod(capex, Calibration.AMORTIZATION_PERIOD, 1),
        Economics.energyCost(power, perJoule),
        Economics.maintenance(capex, Calibration.MAINTENANCE_FRACTION_PER_YEAR, Calibration.YEAR, 1));
    return new ServingCostResult(replicaRate, required, accelerators, load, tokenRate, tokenRate / accelerators, power,
        power / tokenRate, perSecond * 3600, perSecond / tokenRate * 1e6, feasible);
  }
}
