package io.mlsysim.mcp;

import io.mlsysim.cli.CliExtension;
import java.util.List;

/** Adds {@code mcp} to the {@code mlsysim} command line. */
public final class McpCli implements CliExtension {
  @Override
  public List<Object> commands() {
    return List.of(new McpCommand());
  }
}
