package io.mlsysim.spark;

import io.mlsysim.cli.CliExtension;
import java.util.List;

/** Adds {@code study} and {@code query} to the {@code mlsysim} command line. */
public final class SparkCli implements CliExtension {
  @Override
  public List<Object> commands() {
    return List.of(new StudyCommand(), new QueryCommand());
  }
}
