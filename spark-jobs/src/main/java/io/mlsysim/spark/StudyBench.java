package io.mlsysim.spark;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "bench")
final class StudyBench implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
