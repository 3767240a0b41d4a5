package io.mlsysim.core.pipeline;

import io.mlsysim.core.Port;
import java.util.List;

/**
 * A value the caller supplies (or a default fills): no stage produces it. {@code port} is the
 * representative declaration (the most specific type among the consumers), {@code consumers}
 * the stages that read it.
 */
public record InputSpec(String name, Port<?> port, List<String> consumers) {
  public InputSpec {
    consumers = List.copyOf(consumers);
  }

  public boolean required() {
    return !port.hasDefault();
  }
}
