package io.mlsysim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training step against Megatron-LM's published weak scaling (Narayanan et al. 2021, arXiv
 * 2104.04473, Table 1), shipped as configs/validation/narayanan2021-weak-scaling.yaml. The
 * measured throughputs below are the paper's, restated here so the test notices if the file is
 * edited; the limits are the project's accuracy targets for this table.
 */
class NarayananAccuracyTest {
  static final Path FILE = Path.of("../configs/validation/narayanan2021-weak-scaling.yaml");
  /** Table 1, achieved teraFLOP/s per GPU, from 1.7 B to 1 T parameters. */
  static final List<Double> PUBLISHED = List.of(137.0, 138.0, 142.0, 135.0, 138.0, 140.0, 148.0, 155.0, 163.0, 163.0);

  @Test
  void everyRowIsPredictedWithinTheTargets() {
    MeasurementFile file = MeasurementFile.read(FILE);
    assertEquals(PUBLISHED, file.rows().stream().map(MeasurementFile.Row::measured).toList());
    Accuracy.Report r = Accuracy.evaluate(file);
    assertEquals(0, r.failed(), r.rows().toString());
    for (Accuracy.RowResult row : r.rows()) {
      assertTrue(row.fits(), row.label() + " ran on Selene, so it must fit in 80 GB");
      assertEquals(row.error(), (row.predicted() - row.measured()) / row.measured(), 1e-12);
    }
    assertTrue(r.meanAbsoluteError() <= 0.05, "mean absolute error " + r.meanAbsoluteError());
    assertTrue(r.maxAbsoluteError() <= 0.10, "max absolute error " + r.maxAbsoluteError());
  }

  /**
   * The paper's FLOP count (Section 5.1): for the 1.7 B row, F = 96·B·s·l·h²·(1 + s/(6h) +
   * V/(16·l·h)) with B 512, s 2048, l 24, h 2304, V 51200.
   */
  @Test
  void theFlopCountIsThePapersFormula() {
    MeasurementFile file = MeasurementFile.read(FILE);
    var w = file.workloads().get("GPT_1.7B");
    double s = 2048;
    double l = 24;
    double h = 2304;
    double v = 51200;
    double expected = 96 * 512 * s * l * h * h * (1 + s / (6 * h) + v / (16 * l * h));
    assertEquals(expected, FlopCount.NARAYANAN2021.perStep(w, 512, 2048), expected * 1e-12);
  }
}
