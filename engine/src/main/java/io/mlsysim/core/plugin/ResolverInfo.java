package io.mlsysim.core.plugin;

import io.mlsysim.core.Schema;

/** A discovered resolver: its schema, origin, the jar or class path it came from, its class. */
public record ResolverInfo(Schema schema, Origin origin, String source, String className) {
  public String name() {
    return schema.name();
  }
}
