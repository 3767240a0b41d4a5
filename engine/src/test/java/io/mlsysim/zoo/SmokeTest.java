package io.mlsysim.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.Hardware;
import io.mlsysim.hardware.Precision;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void h100RidgePoint() {
    assertEquals(295.2, Hardware.Cloud.H100.ridgePoint(Precision.FP16), 0.1);
    assertEquals(450e9, Hardware.get("h100").nvlink().perDirectionBandwidth(), 1);
    System.out.println(Zoo.current().digest());
  }
}
