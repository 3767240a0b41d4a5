package io.mlsysim.core;

import io.mlsysim.text.NameMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs for calling one resolver directly (tests, notebooks), built from a name → value map.
 * Values are converted and checked once, here; unknown names are refused with suggestions.
 * Not for hot loops: pipelines use compiled frames instead.
 */
public final class MapInputs implements Inputs {
  private final String resolver;
  private final Map<Integer, Object> values = new HashMap<>();
  private final java.util.Set<Integer> declared = new java.util.HashSet<>();

  private MapInputs(String resolver) {
    this.resolver = resolver;
  }

  /** Inputs for {@code resolver} from {@code raw}; applies port defaults for omitted values. */
  public static MapInputs of(Resolver<?> resolver, Map<String, ?> raw) {
    Schema schema = resolver.schema();
    MapInputs in = new MapInputs(schema.name());
    List<String> names = new ArrayList<>();
    for (Port<?> p : schema.requires()) {
      names.add(p.name());
    }
    for (String key : raw.keySet()) {
      if (schema.required(key) == null) {
        List<String> s = NameMatcher.suggest(key, names);
        throw new InvalidInputException(key, schema.name() + " has no input '" + key + "'"
            + (s.isEmpty() ? "; its inputs are " + names : "; did you mean " + String.join(", ", s) + "?"));
      }
    }
    for (Port<?> p : schema.requires()) {
      in.declared.add(p.id());
      if (raw.containsKey(p.name())) {
        Object v = raw.get(p.name());
        in.values.put(p.id(), p.isNumeric() ? (Object) EdgeValues.toNumber(p, v) : EdgeValues.toObject(p, v));
      } else if (p.hasDefault()) {
        in.values.put(p.id(), p.isNumeric() ? (Object) p.defaultNumber() : p.defaultObject());
      }
    }
    return in;
  }

  private Object value(Port<?> port) {
    Object v = values.get(port.id());
    if (v == null && !declared.contains(port.id())) {
      throw new InvalidInputException(port.name(), resolver + " read input '" + port.name()
          + "' that its schema does not declare; add it to requires(...)");
    }
    if (v == null) {
      throw new InvalidInputException(port.name(), resolver + " needs input '" + port.name()
          + "' (" + port.typeLabel() + ") but none was given and the port has no default");
    }
    return v;
  }

  @Override
  public double getDouble(Port<Double> port) {
    TypedAccess.numeric(port, Port.Shape.QUANTITY, "getDouble", resolver);
    return (Double) value(port);
  }

  @Override
  public int getInt(Port<Integer> port) {
    TypedAccess.numeric(port, Port.Shape.INTEGER, "getInt", resolver);
    return (int) (double) (Double) value(port);
  }

  @Override
  public boolean getFlag(Port<Boolean> port) {
    TypedAccess.numeric(port, Port.Shape.FLAG, "getFlag", resolver);
    return (Double) value(port) != 0;
  }

  @Override
  public <T> T get(Port<T> port) {
    TypedAccess.object(port, "get", resolver);
    return port.type().cast(value(port));
  }
}
