package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Port;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Zoo;

/**
 * Ports that several built-in resolvers share. A pipeline wires stages by port name, so the
 * resolvers that read "the batch size" or produce "the MFU" must agree on one name, one type and
 * one default: they all use these constants.
 */
public final class CommonPorts {
  private CommonPorts() {}

  public static final Port<Workload> WORKLOAD = Port.object("workload", Workload.class)
      .describedAs("the model being trained or served (a zoo name such as Llama3_70B)");
  public static final Port<HardwareNode> HARDWARE = Port.object("hardware", HardwareNode.class)
      .describedAs("the accelerator (a zoo name such as H100)");
  public static final Port<Fleet> FLEET = Port.object("fleet", Fleet.class)
      .describedAs("the cluster (a zoo name such as Frontier_8K)");
  public static final Port<GridProfile> GRID = Port.object("grid", GridProfile.class)
      .withDefault(Zoo.current().grids().get(Calibration.DEFAULT_GRID_REGION))
      .describedAs("the electricity grid / region (a zoo name such as Quebec)");
  public static final Port<Precision> PRECISION = Port.object("precision", Precision.class)
      .withDefault(Precision.FP16).describedAs("numeric precision: fp32, tf32, bf16, fp16, fp8, int8, int4");

  public static final Port<Integer> BATCH = Port.count("batch").withDefault(Calibration.DEFAULT_BATCH).positive()
      .describedAs("batch size (global batch for training)");
  public static final Port<Integer> SEQ_LEN = Port.count("seq_len").withDefault(Calibration.DEFAULT_SEQ_LEN)
      .positive().describedAs("sequence length in tokens");
  public static final Port<Double> EFFICIENCY = Port.number("efficiency")
      .withDefault(Calibration.DEFAULT_EFFICIENCY).positive().atMost(1)
      .describedAs("achieved fraction of peak compute, in (0, 1]");
  public static final Port<Double> DURATION = Port.quantity("duration", QuantityKind.TIME, "days").positive()
      .describedAs("how long the fleet runs, e.g. 30 days");

  public static final Port<Boolean> FLASH_ATTENTION = Port.flag("flash_attention").withDefault(true)
      .describedAs("attention uses a fused (flash-attention style) kernel: no s×s score matrix in memory");

  public static final Port<Integer> TP = Port.count("tp").withDefault(1).positive()
      .describedAs("tensor-parallel degree");
  public static final Port<Integer> PP = Port.count("pp").withDefault(1).positive()
      .describedAs("pipeline-parallel degree");
  public static final Port<Integer> EP = Port.count("ep").withDefault(1).positive()
      .describedAs("expert-parallel degree");
  public static final Port<Integer> MICROBATCH_SIZE = Port.count("microbatch_size").withDefault(1).positive()
      .describedAs("sequences per micro-batch; micro-batches per step = batch/(dp·microbatch_size)");
  public static final Port<Integer> ZERO_STAGE = Port.count("zero_stage").withDefault(0).nonNegative().atMost(3)
      .describedAs("ZeRO stage 0–3");
}
