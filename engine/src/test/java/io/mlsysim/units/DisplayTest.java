package io.mlsysim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "3.35e12       | DATA_RATE    | 3.35 TB/s",
      "0.005194159   | TIME         | 5.19 ms",
      "85899345920   | DATA_SIZE    | 85.9 GB",   // 80 GiB: sizes are SI everywhere
      "85.899e9      | DATA_SIZE    | 85.9 GB",
      "532480        | DATA_SIZE    | 532 kB",
      "14843406974976 | DATA_SIZE   | 14.8 TB",
      "3e6           | MONEY        | 3,000,000 USD",
      "0.5           | MONEY        | 0.5 USD",
      "989e12        | COMPUTE_RATE | 989 TFLOP/s",
      "700           | POWER        | 700 W",
      "0.015         | POWER        | 15 mW",
      "5e-7          | TIME         | 500 ns",
      "25000         | MONEY        | 25,000 USD",
      "1270.87       | MASS         | 1.27 t",
      "0.0754666     | ENERGY       | 75.5 mJ",
      "1.0664e10     | ENERGY       | 2.96 MWh",
      "86400         | TIME         | 24 h",
      "0             | TIME         | 0 s",
      "1.1916666666666667e-7 | CARBON_INTENSITY | 429 gCO2e/kWh",
      "0.0011111111111111111 | HOURLY_PRICE     | 4 USD/h",
  })
  void choosesAReadableUnit(double value, QuantityKind kind, String expected) {
    assertEquals(expected, Display.format(value, kind));
  }

  @ParameterizedTest(name = "round trip {0}")
  @CsvSource({"3.35 TB/s, DATA_RATE", "5.19 ms, TIME", "989 TFLOP/s, COMPUTE_RATE", "15 mW, POWER"})
  void displayedTextParsesBack(String text, QuantityKind kind) {
    double v = Quantities.parse("x", text, kind);
    assertEquals(text, Display.format(v, kind));
  }
}
