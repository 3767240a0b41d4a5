package io.mlsysim.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool call's arguments, read with the checks a person would want: an unknown argument or a
 * value of the wrong type is refused naming the argument and what it takes.
 */
final class Arguments {
  private final String tool;
  private final Map<String, Object> values;

  Arguments(String tool, Map<String, Object> values, Set<String> allowed) {
    this.tool = tool;
    this.values = values == null ? Map.of() : values;
    for (String k : this.values.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(tool + ": unknown argument '" + k + "'; it takes "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(tool + ": argument '" + name + "' must be text, got " + v);
  }

  String requiredText(String name, String example) {
    String v = text(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(tool + ": argument '" + name + "' is required, e.g. " + example);
    }
    return v;
  }

  Integer integer(String name, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.intValue();
    }
    throw new IllegalArgumentException(tool + ": argument '" + name + "' must be a whole number from " + min
        + " to " + max + ", got " + v);
  }

  Double number(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(tool + ": argument '" + name + "' must be a number, got " + v);
  }

  List<String> texts(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw new IllegalArgumentException(tool + ": argument '" + name + "' must be a list of names, got " + v);
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException(tool + ": argument '" + name + "' must be a list of names, got " + v);
  }
}
