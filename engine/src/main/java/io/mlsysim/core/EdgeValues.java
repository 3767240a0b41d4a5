package io.mlsysim.core;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Quantities;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Registry;
import io.mlsysim.zoo.Zoo;

/**
 * Converts a value a person or a config file supplied for a port into what the engine stores:
 * "500 ms" becomes 0.5 (seconds), "H100" becomes the zoo's HardwareNode. Runs once per input at
 * the edge (Pipeline.run, frame setters, the test kit), never per stage.
 */
public final class EdgeValues {
  private EdgeValues() {}

  /** The canonical double for a numeric port (quantity, count, flag), range-checked. */
  public static double toNumber(Port<?> port, Object raw) {
    if (raw == null) {
      throw new InvalidInputException(port.name(), "input '" + port.name() + "' is null; give a "
          + port.typeLabel() + example(port));
    }
    double v;
    switch (port.shape()) {
      case QUANTITY -> {
        if (raw instanceof Number n) {
          v = n.doubleValue();
        } else if (raw instanceof CharSequence s) {
          v = Quantities.parse(port.name(), s.toString(), port.kind());
        } else {
          throw wrongType(port, raw);
        }
      }
      case INTEGER -> {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
          v = ((Number) raw).longValue();
        } else if (raw instanceof CharSequence s && s.toString().trim().matches("[+-]?\\d+")) {
          v = Long.parseLong(s.toString().trim());
        } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          v = n.doubleValue();
        } else {
          throw wrongType(port, raw);
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
          throw new InvalidInputException(port.name(), "input '" + port.name() + "' = " + raw
              + " does not fit in a count");
        }
      }
      case FLAG -> {
        Boolean b = FlagSpelling.parse(raw);
        if (b == null) {
          throw wrongType(port, raw);
        }
        v = b ? 1 : 0;
      }
      default -> throw new IllegalStateException(port.name() + " is not numeric");
    }
    port.check(v);
    return v;
  }

  /** The stored object for a text or object port; strings name zoo entries for zoo types. */
  public static Object toObject(Port<?> port, Object raw) {
    if (raw == null) {
      throw new InvalidInputException(port.name(), "input '" + port.name() + "' is null; give a "
          + port.typeLabel());
    }
    if (port.type().isInstance(raw)) {
      return raw;
    }
    if (raw instanceof CharSequence s) {
      Registry<?> registry = registryFor(port.type());
      if (registry != null) {
        return registry.get(s.toString()); // UnknownEntryException offers the nearest names
      }
      if (port.type().isEnum()) {
        return enumConstant(port, s.toString());
      }
    }
    throw wrongType(port, raw);
  }

  /** "fp16" or "FP16" for Precision.FP16; the error lists the allowed names. */
  private static Object enumConstant(Port<?> port, String text) {
    StringBuilder allowed = new StringBuilder();
    for (Object c : port.type().getEnumConstants()) {
      String id = ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT);
      if (id.equalsIgnoreCase(text.trim())) {
        return c;
      }
      allowed.append(allowed.length() == 0 ? "" : ", ").append(id);
    }
    throw new InvalidInputException(port.name(), port.name() + ": unknown value '" + text + "'; use one of " + allowed);
  }

  /** The zoo registry whose names stand for values of {@code type}, or null (also the MCP server's enums). */
  public static Registry<?> registryFor(Class<?> type) {
    if (type == HardwareNode.class) {
      return Zoo.current().hardware();
    }
    if (type == Workload.class) {
      return Zoo.current().workloads();
    }
    if (type == Fleet.class) {
      return Zoo.current().fleets();
    }
    if (type == GridProfile.class) {
      return Zoo.current().grids();
    }
    if (type == io.mlsysim.systems.Node.class) {
      return Zoo.current().nodes();
    }
    if (type == io.mlsysim.systems.Fabric.class) {
      return Zoo.current().fabrics();
    }
    if (type == io.mlsysim.infrastructure.Datacenter.class) {
      return Zoo.current().datacenters();
    }
    return null;
  }

  private static InvalidInputException wrongType(Port<?> port, Object raw) {
    return new InvalidInputException(port.name(), "input '" + port.name() + "' expects a "
        + port.typeLabel() + " but got " + raw.getClass().getSimpleName() + " '" + raw + "'"
        + example(port));
  }

  private static String example(Port<?> port) {
    if (port.shape() == Port.Shape.FLAG) {
      return "; write " + FlagSpelling.ACCEPTED;
    }
    return port.shape() == Port.Shape.QUANTITY ? ", e.g. \"" + port.kind().example() + "\"" : "";
  }
}
