package io.mlsysim.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example overlay under configs/registry must stay loadable: the docs point users at it. */
class ShippedOverlayTest {

  @Test
  void exampleOverlayAddsItsChipANodeOfItAndAClusterOfThoseNodes() {
    Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/registry/examples");
    Zoo zoo = Zoo.withOverlays(List.of(examples));
    HardwareNode chip = zoo.hardware().get("acme_x1");
    assertEquals(1200e12 / 4.8e12, chip.ridgePoint(Precision.FP16), 1e-9);
    assertEquals(2400e12, chip.compute().flops(Precision.FP8), 1);
    assertEquals(600e9, chip.nvlink().perDirectionBandwidth(), 1);
    assertEquals(Zoo.builtIn().hardware().size() + 1, zoo.hardware().size());
    assertNotEquals(Zoo.builtIn().digest(), zoo.digest());
    // one file per kind, loaded in name order: the chip, a node of eight, a cluster of eight nodes
    assertEquals(List.of("my-accelerator.yaml", "my-node.yaml", "my-training-cluster.yaml"),
        zoo.overlays().stream().map(o -> Path.of(o).getFileName().toString()).toList());
    io.mlsysim.systems.Fleet cluster = zoo.fleets().get("Acme_X1_64");
    assertEquals(chip, cluster.accelerator());
    assertEquals(8 * 8, cluster.totalAccelerators());
    assertEquals(Zoo.builtIn().fleets().size() + 1, zoo.fleets().size());
  }
}
