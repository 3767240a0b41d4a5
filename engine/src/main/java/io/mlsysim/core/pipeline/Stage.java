package io.mlsysim.core.pipeline;

import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import java.util.Map;

/**
 * A resolver placed in a pipeline under a unique name. {@code renames} maps the resolver's own
 * port names to the names used for wiring in this pipeline, which lets two instances of one
 * resolver coexist (each publishes its outputs under different names).
 */
public record Stage(String name, Resolver<?> resolver, Map<String, String> renames) {
  public Stage {
    renames = Map.copyOf(renames);
  }

  /** The name this stage's {@code port} has in the pipeline. */
  public String wiredName(Port<?> port) {
    return renames.getOrDefault(port.name(), port.name());
  }
}
