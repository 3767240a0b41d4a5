package io.mlsysim.spark;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The place the tables go cannot take them: a missing connector, a file in the way, no
 * permission, a full disk. The environment is wrong, not the engine, so the command line shows
 * one line and exits 1 like any other refusal (it is an {@link IllegalArgumentException}).
 */
final class StorageProblem extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Messages of storage failures, as the JVM and Hadoop word them, with what to do. */
  private static final List<String[]> KNOWN = List.of(
      new String[] {"no space left on device", "the disk is full; free space or choose another --out"},
      new String[] {"disk quota exceeded", "the disk quota is used up; free space or choose another --out"},
      new String[] {"read-only file system", "the filesystem is read-only; choose another --out"},
      new String[] {"permission denied", "no permission to write there; choose a folder you can write"},
      new String[] {"accessdeniedexception", "no permission to write there; choose a folder you can write"},
      new String[] {"no filesystem for scheme", "no filesystem connector for that scheme; write to a local folder"});

  StorageProblem(String message) {
    super(message);
  }

  /**
   * A one-line account of a run that failed on storage, or empty when the failure is something
   * else (which stays an internal error with its trace). Looks through the whole cause chain,
   * since Spark wraps an executor's IOException in job and task failures.
   */
  static Optional<StorageProblem> of(Throwable failure, String root) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = (t.getClass().getSimpleName() + ": " + t.getMessage()).toLowerCase(Locale.ROOT);
      for (String[] k : KNOWN) {
        if (m.contains(k[0])) {
          return Optional.of(new StorageProblem(root + ": the run could not write its tables ("
              + OutputRoot.oneLine(t) + "); " + k[1] + "; nothing was committed"));
        }
      }
    }
    return Optional.empty();
  }
}
