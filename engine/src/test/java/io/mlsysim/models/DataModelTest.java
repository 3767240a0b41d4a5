package io.mlsysim.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.ResultView;
import io.mlsysim.hardware.LinkDirection;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataModelTest {

  @Test
  void storageIsTheSlowerPath() {
    // storage 7 GB/s, PCIe 64 GB/s per direction: supply 7 GB/s; demand 3.5 GB/s → 50 %, margin 3.5 GB/s
    ResultView v = ResolverContract.check(new DataModel(), Map.of(
        "hardware", OpsFixtures.device(7e9, 64e9, LinkDirection.PER_DIRECTION), "data_demand", "3.5 GB/s"));
    assertEquals(7e9, v.field("data_supply").number());
    assertEquals(0.5, v.field("data_utilization").number(), 1e-15);
    assertEquals(0.0, v.field("data_stalled").number());
    assertEquals("storage", v.field("data_bottleneck").value());
    assertEquals(3.5, v.field("data_margin").inDisplayUnit(), 1e-12);
    assertTrue(v.trace().get(0).startsWith("Ingestion Wall: Passed"), v.trace().toString());
  }

  @Test
  void aBidirectionalLinkIsHalvedAndCanBeTheBottleneck() {
    // storage 40 GB/s; link quoted 64 GB/s both ways = 32 GB/s one way; demand 48 GB/s → 1.5, stalled
    DataModel.DataResult r = DataModel.solve(OpsFixtures.device(40e9, 64e9, LinkDirection.BIDIRECTIONAL_TOTAL), 48e9);
    assertEquals(32e9, r.dataSupply());
    assertEquals("interconnect", r.dataBottleneck());
    assertEquals(1.5, r.dataUtilization(), 1e-15);
    assertTrue(r.dataStalled());
    assertEquals(-16e9, r.dataMargin());
    assertTrue(r.trace().get(0).contains("FAILED"), r.trace().toString());
  }

  @Test
  void undefinedFiguresAreSkippedAndTheFallbackIsNamed() {
    DataModel.DataResult linkOnly = DataModel.solve(OpsFixtures.device(0, 16e9, LinkDirection.PER_DIRECTION), 1e9);
    assertEquals(16e9, linkOnly.dataSupply());
    assertEquals("interconnect", linkOnly.dataBottleneck());
    DataModel.DataResult none = DataModel.solve(OpsFixtures.device(0, 0, null), 0.5e9);
    assertEquals(1e9, none.dataSupply());
    assertEquals("storage (fallback)", none.dataBottleneck());
    assertFalse(none.dataStalled());
  }

  @Test
  void demandMustBePositive() {
    ResolverContract.assertRejects(new DataModel(), Map.of("hardware", "H100", "data_demand", 0.0), "data_demand");
  }
}
