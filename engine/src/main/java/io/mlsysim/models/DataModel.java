package io.mlsysim.models;

import io.mlsysim.calibration.Calibration;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Link;
import io.mlsysim.hardware.StorageSpec;
import io.mlsysim.physics.Operations;
import io.mlsysim.units.Display;
import io.mlsysim.units.QuantityKind;
import java.util.List;

/**
 * Wall 8 (Ingestion): can storage and the host link feed the accelerator as fast as it consumes
 * training data? The supply is the slower of the device's storage bandwidth and its host
 * interconnect (one direction), counting only the figures the device actually gives.
 */
public final class DataModel extends Model<DataModel.DataResult> {

  /** Bottleneck names; constants, so evaluation allocates no text. */
  public static final String STORAGE = "storage";
  public static final String INTERCONNECT = "interconnect";
  public static final String FALLBACK = "storage (fallback)";

  public static final Port<Double> DATA_DEMAND = Port.quantity("data_demand", QuantityKind.DATA_RATE, "GB/s")
      .positive().describedAs("bytes per second the accelerator consumes");

  public static final Port<Double> DATA_SUPPLY = Port.quantity("data_supply", QuantityKind.DATA_RATE, "GB/s");
  public static final Port<Double> DATA_UTILIZATION = Port.number("data_utilization");
  public static final Port<Boolean> DATA_STALLED = Port.flag("data_stalled");
  public static final Port<String> DATA_BOTTLENECK = Port.text("data_bottleneck");
  public static final Port<Double> DATA_MARGIN = Port.quantity("data_margin", QuantityKind.DATA_RATE, "GB/s");

  /**
   * @param dataSupply bandwidth available to feed the device, B/s
   * @param dataUtilization demand over supply; above 1 the accelerator waits for data
   * @param dataStalled true when demand exceeds supply
   * @param dataBottleneck which path limits the supply: storage, interconnect, storage (fallback)
   * @param dataMargin supply minus demand, B/s (negative when stalled)
   */
  public record DataResult(double dataSupply, double dataUtilization, boolean dataStalled, String dataBottleneck,
      double dataMargin) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(DATA_SUPPLY, dataSupply);
      out.putDouble(DATA_UTILIZATION, dataUtilization);
      out.putFlag(DATA_STALLED, dataStalled);
      out.put(DATA_BOTTLENECK, dataBottleneck);
      out.putDouble(DATA_MARGIN, dataMargin);
    }

    @Override
    public List<String> trace() {
      return List.of("Ingestion Wall: " + (dataStalled ? "FAILED" : "Passed") + " ("
          + Display.format(dataSupply - dataMargin, QuantityKind.DATA_RATE) + " demanded of "
          + Display.format(dataSupply, QuantityKind.DATA_RATE) + " from " + dataBottleneck + ", "
          + Display.number(100 * dataUtilization) + " % used)");
    }
  }

  public DataModel() {
    super(Schema.model("DataModel")
        .describedAs("Data supply against the accelerator's demand: utilization and stall")
        .requires(CommonPorts.HARDWARE, DATA_DEMAND)
        .produces(DATA_SUPPLY, DATA_UTILIZATION, DATA_STALLED, DATA_BOTTLENECK, DATA_MARGIN)
        .walls(8)
        .fallacy("A faster accelerator always trains faster",
            "Once storage or the host link cannot deliver samples at the rate the chip consumes "
                + "them, the chip waits and extra FLOP/s buy nothing")
        .build());
  }

  @Override
  public DataResult evaluate(Inputs in) {
    return solve(in.get(CommonPorts.HARDWARE), in.getDouble(DATA_DEMAND));
  }

  /** Direct call: the device and the demand in B/s. */
  public static DataResult solve(HardwareNode hardware, double demand) {
    StorageSpec storage = hardware.storage();
    Link link = hardware.interconnect();
    double s = storage != null && storage.bandwidth() > 0 ? storage.bandwidth() : Double.NaN;
    double l = link != null && link.perDirectionBandwidth() > 0 ? link.perDirectionBandwidth() : Double.NaN;
    double supply;
    String bottleneck;
    if (Double.isNaN(s) && Double.isNaN(l)) {
      supply = Calibration.FALLBACK_STORAGE_BANDWIDTH;
      bottleneck = FALLBACK;
    } else if (Double.isNaN(l) || (!Double.isNaN(s) && s <= l)) {
      supply = s;
      bottleneck = STORAGE;
    } else {
      supply = l;
      bottleneck = INTERCONNECT;
    }
    double u = Operations.utilization(demand, supply);
    return new DataResult(supply, u, u > 1, bottleneck, supply - demand);
  }
}
