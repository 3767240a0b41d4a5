package io.mlsysim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  /** Expected values are the SI definitions: T = 1e12, Gi = 2^30, bit = B/8, Wh = 3600 J. */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "989 TFLOP/s   | COMPUTE_RATE | 989e12",
      "92 TOPS       | COMPUTE_RATE | 92e12",
      "1979 TFLOPS   | COMPUTE_RATE | 1979e12",
      "0.5 GFLOP/s   | COMPUTE_RATE | 0.5e9",
      "16.06 GFLOP   | OPERATIONS   | 16.06e9",
      "3.15e23 FLOP  | OPERATIONS   | 3.15e23",
      "80 GiB        | DATA_SIZE    | 85899345920",
      "520 KiB       | DATA_SIZE    | 532480",
      "2 TB          | DATA_SIZE    | 2e12",
      "13.5 TiB      | DATA_SIZE    | 14843406974976",
      "230 MB        | DATA_SIZE    | 230e6",
      "3.35 TB/s     | DATA_RATE    | 3.35e12",
      "2039 GB/s     | DATA_RATE    | 2039e9",
      "21 PB/s       | DATA_RATE    | 21e15",
      "100 Gbps      | DATA_RATE    | 12.5e9",
      "1.6 Tbps      | DATA_RATE    | 200e9",
      "400 Gbit/s    | DATA_RATE    | 50e9",
      "500 ns        | TIME         | 500e-9",
      "15 µs         | TIME         | 15e-6",
      "15 μs         | TIME         | 15e-6",
      "15 us         | TIME         | 15e-6",
      "0.01 ms       | TIME         | 1e-5",
      "2 h           | TIME         | 7200",
      "30 days       | TIME         | 2592000",
      "700 W         | POWER        | 700",
      "15 mW         | POWER        | 0.015",
      "120 kW        | POWER        | 120000",
      "3 MW          | POWER        | 3e6",
      "15 Wh         | ENERGY       | 54000",
      "1287 MWh      | ENERGY       | 4.6332e12",
      "2644.992 kWh  | ENERGY       | 9.5219712e9",
      "10 J          | ENERGY       | 10",
      "25000 USD     | MONEY        | 25000",
      "25,000 USD    | MONEY        | 25000",
      "164 kg        | MASS         | 164",
      "1.5 t         | MASS         | 1500",
      "20 g          | MASS         | 0.02",
      "5332.3 L      | VOLUME       | 5332.3",
      "429 gCO2e/kWh | CARBON_INTENSITY | 1.1916666666666667e-7",
      "1.8 L/kWh     | WATER_INTENSITY  | 5e-7",
      "0.12 USD/kWh  | ENERGY_PRICE     | 3.3333333333333335e-8",
      "4 USD/h       | HOURLY_PRICE     | 0.0011111111111111111",
      "295 FLOP/B    | ARITHMETIC_INTENSITY | 295",
      "1.4 TFLOP/s/W | COMPUTE_PER_WATT | 1.4e12",
      "0.5           | DIMENSIONLESS    | 0.5",
  })
  void parsesToCanonicalSi(String text, QuantityKind kind, double expected) {
    double v = Quantities.parse("field", text, kind);
    assertEquals(expected, v, Math.abs(expected) * 1e-12, text);
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "80 GB/s      | memory.capacity   | DATA_SIZE    | data size",
      "989 TFLOP    | compute.peak_flops| COMPUTE_RATE | compute rate",
      "700          | tdp               | POWER        | has no unit",
      "seven W      | tdp               | POWER        | not a number",
      "700 Watts    | tdp               | POWER        | unknown unit 'Watts'",
      "80 KB        | memory.capacity   | DATA_SIZE    | kB (1000 B) or KiB",
      "3.35 tb/s    | memory.bandwidth  | DATA_RATE    | did you mean 'TB'",
      "500 ns       | memory.bandwidth  | DATA_RATE    | bandwidth",
      "25000 EUR    | unit_cost         | MONEY        | unknown unit 'EUR'",
      "100 Gbps     | latency           | TIME         | time",
      "15 Wh        | tdp               | POWER        | power",
      "1e999 W      | tdp               | POWER        | finite",
      "             | tdp               | POWER        | required",
      "10 g/kWh/    | carbon_intensity  | CARBON_INTENSITY | not a unit expression",
  })
  void refusesWithTheFieldNamed(String text, String field, QuantityKind kind, String hint) {
    UnitException e = assertThrows(UnitException.class, () -> Quantities.parse(field, text, kind));
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(hint), e.getMessage());
    assertEquals(field, e.field());
  }
}
