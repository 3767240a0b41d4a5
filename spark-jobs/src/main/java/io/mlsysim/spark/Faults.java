package io.mlsysim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Named points in a run (evaluation, publishing) where a crash or Ctrl-C test can stop a real run: with
 * {@code -Dmlsysim.faults.pause-at=<point>} the process writes the file named by
 * {@code -Dmlsysim.faults.marker} on reaching that point and waits there until it is killed.
 * Without the property this is one property read per point, a few per run.
 */
final class Faults {
  static final String PAUSE_AT = "mlsysim.faults.pause-at";
  static final String MARKER = "mlsysim.faults.marker";

  private Faults() {}

  static void pauseAt(String point) {
    if (!point.equals(System.getProperty(PAUSE_AT))) {
      return;
    }
    try {
      Files.writeString(Path.of(System.getProperty(MARKER)), point);
      new CountDownLatch(1).await(); // until the test kills this process
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
