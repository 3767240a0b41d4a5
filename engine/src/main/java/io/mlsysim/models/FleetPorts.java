package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.physics.ActivationCheckpointing;
import io.mlsysim.physics.OptimizerKind;
import io.mlsysim.units.QuantityKind;

/**
 * Ports of the training, fleet and cost models. Inputs shared by several of them (optimizer,
 * checkpointing, dp, mfu…) are declared once here so a pipeline wires them by one name, one type
 * and one default. Ports shared with the node models live in {@link CommonPorts}.
 */
public final class FleetPorts {
  private FleetPorts() {}

  // ---- inputs shared by the training models ----
  public static final Port<OptimizerKind> OPTIMIZER = Port.object("optimizer", OptimizerKind.class)
      .withDefault(OptimizerKind.ADAM).describedAs("training optimizer: adam, adamw, sgd, none");
  public static final Port<ActivationCheckpointing> CHECKPOINTING =
      Port.object("activation_checkpointing", ActivationCheckpointing.class)
          .withDefault(ActivationCheckpointing.SELECTIVE)
          .describedAs("activation checkpointing: none, selective, full (full recomputes the forward pass)");
  public static final Port<Boolean> LORA = Port.flag("lora").withDefault(false)
      .describedAs("train LoRA adapters only (rank 16 on four projections per layer)");
  public static final Port<Double> TRAINABLE_FRACTION = Port.number("trainable_fraction").withDefault(1.0)
      .nonNegative().atMost(1).describedAs("fraction of parameters that get gradients and optimizer state, in [0, 1]");
  public static final Port<Double> COMM_BUFFER_FRACTION = Port.number("comm_buffer_fraction")
      .withDefault(Calibration.COMM_BUFFER_FRACTION).nonNegative()
      .describedAs("communication buffers as a fraction of the gradient bytes");
  /**
   * Data-parallel degree. An input of TrainingMemoryModel (default 1); DistributedModel
   * produces it from the fleet and tp·pp·ep, so in a pipeline the memory model receives it.
   */
  public static final Port<Integer> DP = Port.count("dp").withDefault(1).positive()
      .describedAs("data-parallel degree");
  public static final Port<Integer> INTERLEAVE = Port.count("interleave").withDefault(1).positive()
      .describedAs("virtual pipeline stages per rank (interleaved 1F1B), v");
  public static final Port<Boolean> SEQUENCE_PARALLEL = Port.flag("sequence_parallel").withDefault(false)
      .describedAs("sequence parallelism: split layer norms and dropouts across the tensor-parallel ranks");
  public static final Port<Precision> GRADIENT_PRECISION = Port.object("gradient_precision", Precision.class)
      .withDefault(Precision.FP32).describedAs("precision gradients are kept and reduced in: fp32 (default), bf16, fp16");
  public static final Port<Boolean> OVERLAP_COMM = Port.flag("overlap_comm").withDefault(false)
      .describedAs("overlap the data-parallel all-reduce with the backward pass");
  public static final Port<Double> OVERLAP_EFFICIENCY = Port.number("overlap_efficiency")
      .withDefault(Calibration.COMM_OVERLAP_EFFICIENCY).nonNegative().atMost(1)
      .describedAs("share of the data-parallel all-reduce hidden when overlap_comm is on, in [0, 1]");
  public static final Port<Double> CONGESTION_FACTOR = Port.number("congestion_factor")
      .withDefault(Calibration.DEFAULT_CONGESTION_FACTOR).positive()
      .describedAs("multiplier (≥ 1) on every communication time");
  public static final Port<Double> STRAGGLER_FACTOR = Port.number("straggler_factor")
      .withDefault(Calibration.DEFAULT_STRAGGLER_FACTOR).positive()
      .describedAs("multiplier (≥ 1) on the step time for the slowest rank");
  public static final Port<Double> MOE_IMBALANCE = Port.number("moe_imbalance")
      .withDefault(Calibration.DEFAULT_MOE_IMBALANCE).positive()
      .describedAs("load on the busiest expert over the mean (≥ 1)");

  // ---- the chain DistributedModel → SustainabilityModel → EconomicsModel ----
  /** Fleet MFU: produced by DistributedModel, read by SustainabilityModel (default 1.0, full power). */
  public static final Port<Double> MFU = Port.number("mfu").describedAs("model FLOP utilisation in [0, 1]");
  public static final Port<Double> MFU_IN = MFU.withDefault(Calibration.DEFAULT_SUSTAINABILITY_MFU);

  /** No datacenter given: the grid's PUE/WUE apply. Compared by identity. */
  public static final Datacenter NO_DATACENTER = new Datacenter("none", null, null, null);
  public static final Port<Datacenter> DATACENTER = Port.object("datacenter", Datacenter.class)
      .withDefault(NO_DATACENTER)
      .describedAs("a site whose cooling gives PUE and WUE (a zoo name such as Quebec_Hydro_Liquid); "
          + "default none: the grid's figures");

  public static final Port<Double> FACILITY_ENERGY =
      Port.quantity("facility_energy", QuantityKind.ENERGY, "kWh").describedAs("energy drawn at the meter (IT × PUE)");
  public static final Port<Double> ELECTRICITY_PRICE = Port.quantity("electricity_price", QuantityKind.ENERGY_PRICE)
      .withDefault(Double.NaN).nonNegative()
      .describedAs("explicit electricity price; default: the grid's, else 0.12 USD/kWh");
  public static final Port<Double> UNIT_COST = Port.quantity("unit_cost", QuantityKind.MONEY)
      .withDefault(Double.NaN).nonNegative()
      .describedAs("price of one accelerator; default: the fleet's accelerator price, else unknown (0)");
  public static final Port<Double> INFRA_MULTIPLIER = Port.number("infra_multiplier")
      .withDefault(Calibration.DEFAULT_INFRA_MULTIPLIER).positive()
      .describedAs("CapEx multiplier for infrastructure beyond the devices (2.0–2.5 for a full datacenter)");
}
