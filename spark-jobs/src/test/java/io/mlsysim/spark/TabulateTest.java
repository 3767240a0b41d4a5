package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Numbers in tables for people (plain digits) and in JSON (full precision); progress lines. */
class TabulateTest {
  @Test
  void tablesPrintPlainDigitsNeverAnExponent() {
    assertEquals("2,534,124", Tabulate.cell(2_534_123.7)); // to the unit past a million
    assertEquals("-3,000,000,000", Tabulate.cell(-3_000_000_000.5)); // half to even
    assertEquals("123,450,000,000,000,000,000", Tabulate.cell(1.2345e20)); // no binary noise
    assertEquals("0.0001235", Tabulate.cell(0.000123456)); // 4 significant digits when tiny
    assertEquals("12.3457", Tabulate.cell(12.3456789)); // 4 decimals otherwise
    assertEquals("2,000,000", Tabulate.cell(2e6));
    for (double v : new double[] {2.534e6, 7.1e-9, 4.2e17}) {
      assertTrue(Tabulate.cell(v).matches("[-0-9.,]+"), Tabulate.cell(v));
    }
  }

  @Test
  void jsonKeepsFullPrecision() {
    StructType schema = DataTypes.createStructType(List.of(DataTypes.createStructField("v", DataTypes.DoubleType, true)));
    assertEquals("{\"v\":2534123.7}\n", Tabulate.render(schema, List.of(RowFactory.create(2_534_123.7)), "json"));
  }

  @Test
  void progressLinesSayShareRateAndTimeLeft() {
    // 250 of 1,000 in 10 s: 25 per second, 750 left, so 30 s to go.
    assertEquals("s: 25% (250 of 1,000 candidates), 25 candidates/s, ETA 30 s, 10 s elapsed",
        ProgressLine.of("s", 250, 1000, 10.0));
    assertEquals("s: 100% (1,000 of 1,000 candidates), 25 candidates/s, done, 40 s elapsed",
        ProgressLine.of("s", 1000, 1000, 40.0));
    assertEquals("s: 0% (0 of 1,000 candidates), 0 candidates/s, ETA unknown, 2 s elapsed",
        ProgressLine.of("s", 0, 1000, 2.0));
    assertEquals("3 min 05 s", ProgressLine.duration(185));
    assertEquals("1 h 02 min", ProgressLine.duration(3725));
  }
}
