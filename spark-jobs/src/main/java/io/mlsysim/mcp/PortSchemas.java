package io.mlsysim.mcp;

import io.mlsysim.core.EdgeValues;
import io.mlsysim.core.Port;
import io.mlsysim.core.Schema;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.zoo.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input JSON Schema of a resolver's tool, derived from its required ports: a quantity is a
 * string with a unit (its dimension and an example in the description, "x-unit" and
 * "x-dimension" for programs) or a bare number in the canonical SI unit; a count is an integer;
 * a flag a boolean; a zoo object is one of the zoo's names; an enum one of its values.
 */
final class PortSchemas {
  private PortSchemas() {}

  static Map<String, Object> inputSchema(Schema schema) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Port<?> p : schema.requires()) {
      properties.put(p.name(), property(p));
      if (!p.hasDefault()) {
        required.add(p.name());
      }
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", properties);
    s.put("required", required);
    s.put("additionalProperties", false);
    return s;
  }

  static Map<String, Object> property(Port<?> p) {
    Map<String, Object> m = new LinkedHashMap<>();
    String d = p.description().strip();
    String description = d.isEmpty() ? "" : d + (d.matches(".*[.!?)]$") ? " " : ". ");
    switch (p.shape()) {
      case QUANTITY -> {
        QuantityKind kind = p.kind();
        m.put("type", List.of("string", "number"));
        m.put("x-dimension", kind.label());
        m.put("x-unit", kind.canonicalSymbol());
        m.put("description", description + "A " + kind.label() + ": text with a unit, e.g. \"" + kind.example()
            + "\", or a bare number in " + kind.canonicalSymbol() + ".");
        if (p.hasDefault()) {
          m.put("default", p.defaultNumber());
        }
        bound(p, m);
      }
      case INTEGER -> {
        m.put("type", "integer");
        m.put("description", description + "A count.");
        if (p.hasDefault()) {
          m.put("default", (long) p.defaultNumber());
        }
        bound(p, m);
      }
      case FLAG -> {
        m.put("type", "boolean");
        m.put("description", description.isBlank() ? "Yes or no." : description.strip());
        if (p.hasDefault()) {
          m.put("default", p.defaultNumber() != 0);
        }
      }
      case TEXT -> {
        m.put("type", "string");
        m.put("description", description.strip());
        if (p.hasDefault()) {
          m.put("default", String.valueOf(p.defaultObject()));
        }
      }
      case OBJECT -> {
        m.put("type", "string");
        List<String> names = names(p.type());
        Registry<?> zoo = EdgeValues.registryFor(p.type());
        m.put("description", description + (zoo != null
            ? "A " + zoo.kind() + " from the zoo, by name (zoo_search lists them)."
            : "One of: " + String.join(", ", names) + "."));
        if (!names.isEmpty()) {
          m.put("enum", names);
        }
        if (p.hasDefault()) {
          m.put("default", displayName(p.defaultObject()));
        }
      }
      default -> throw new IllegalStateException(p.shape().toString());
    }
    return m;
  }

  /** Zoo names for zoo types, lower-case constants for enums; empty for other objects. */
  private static List<String> names(Class<?> type) {
    Registry<?> zoo = EdgeValues.registryFor(type);
    if (zoo != null) {
      return zoo.names();
    }
    List<String> out = new ArrayList<>();
    if (type.isEnum()) {
      for (Object c : type.getEnumConstants()) {
        out.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static String displayName(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    try {
      return String.valueOf(value.getClass().getMethod("name").invoke(value));
    } catch (ReflectiveOperationException e) { // an object without a name shows as itself
      return String.valueOf(value);
    }
  }

  private static void bound(Port<?> p, Map<String, Object> m) {
    if (p.bound() == Port.Bound.ANY) {
      return;
    }
    String words = p.bound() == Port.Bound.POSITIVE ? "Must be positive." : "Must be zero or positive.";
    m.put("description", m.get("description") + " " + words);
    if (p.shape() == Port.Shape.INTEGER) {
      m.put("minimum", p.bound() == Port.Bound.POSITIVE ? 1 : 0);
    }
  }
}
