package io.mlsysim;

import io.mlsysim.infrastructure.CoolingProfile;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.infrastructure.Price;
import io.mlsysim.zoo.Zoo;

/**
 * The infrastructure zoo: {@code Infrastructure.grid("quebec")} (any case) or
 * {@code Infrastructure.Grids.QUEBEC}. Constants are built-in entries; the getters also see user
 * overlays.
 */
public final class Infrastructure {
  private Infrastructure() {}

  public static GridProfile grid(String name) {
    return Zoo.current().grids().get(name);
  }

  public static CoolingProfile cooling(String name) {
    return Zoo.current().cooling().get(name);
  }

  public static Datacenter datacenter(String name) {
    return Zoo.current().datacenters().get(name);
  }

  public static Price price(String name) {
    return Zoo.current().prices().get(name);
  }

  /** Regional electricity grids. */
  public static final class Grids {
    private Grids() {}

    public static final GridProfile QUEBEC = grid("Quebec");
    public static final GridProfile NORWAY = grid("Norway");
    public static final GridProfile ICELAND = grid("Iceland");
    public static final GridProfile FRANCE = grid("France");
    public static final GridProfile EU_AVG = grid("EU_Avg");
    public static final GridProfile GERMANY = grid("Germany");
    public static final GridProfile TEXAS = grid("Texas");
    public static final GridProfile US_AVG = grid("US_Avg");
    public static final GridProfile CHINA_AVG = grid("China_Avg");
    public static final GridProfile IOWA = grid("Iowa");
    public static final GridProfile INDIA_AVG = grid("India_Avg");
    public static final GridProfile POLAND = grid("Poland");
  }

  /** Cooling technologies. */
  public static final class Cooling {
    private Cooling() {}

    public static final CoolingProfile LIQUIDCOOLED = cooling("LiquidCooled");
    public static final CoolingProfile BESTAIR = cooling("BestAir");
    public static final CoolingProfile TYPICAL = cooling("Typical");
    public static final CoolingProfile LEGACY = cooling("Legacy");
    public static final CoolingProfile STATEOFART = cooling("StateOfArt");
    public static final CoolingProfile SIMPLEAIR = cooling("SimpleAir");
  }

  /** Illustrative sites. */
  public static final class Datacenters {
    private Datacenters() {}

    public static final Datacenter QUEBEC_HYDRO_LIQUID = datacenter("Quebec_Hydro_Liquid");
    public static final Datacenter IOWA_HYPERSCALE = datacenter("Iowa_Hyperscale");
    public static final Datacenter US_ENTERPRISE = datacenter("US_Enterprise");
    public static final Datacenter POLAND_LEGACY = datacenter("Poland_Legacy");
  }

  /** Prices. */
  public static final class Pricing {
    private Pricing() {}

    public static final Price ELECTRICITY_CLOUD = price("Electricity_Cloud");
    public static final Price ELECTRICITY_ONPREM = price("Electricity_OnPrem");
    public static final Price GPU_HOUR_TRAINING = price("GPU_Hour_Training");
    public static final Price GPU_HOUR_INFERENCE = price("GPU_Hour_Inference");
    public static final Price EGRESS = price("Egress");
    public static final Price OBJECTSTORAGE = price("ObjectStorage");
    public static final Price MAINTENANCE = price("Maintenance");
    public static final Price DGX_H100_NODE = price("DGX_H100_Node");
  }
}
