package io.mlsysim.core;

/**
 * The check every {@link Inputs} and {@link Outputs} implementation makes before touching a slot:
 * the accessor must match the port's shape. Numbers and objects live in separate arrays indexed
 * by slot, so {@code get(countPort)} would otherwise return whatever object sits at the same
 * index of the other array — a silent misread, since generics let {@code get(Port<Integer>)}
 * compile. One comparison per read; the message names the port and the accessor to use.
 */
public final class TypedAccess {
  private TypedAccess() {}

  /** For getDouble/putDouble, getInt/putInt, getFlag/putFlag. */
  public static void numeric(Port<?> port, Port.Shape expected, String accessor, String who) {
    if (port.shape() != expected) {
      throw mismatch(port, accessor, who);
    }
  }

  /** For get/put: text and object ports only. */
  public static void object(Port<?> port, String accessor, String who) {
    if (port.isNumeric()) {
      throw mismatch(port, accessor, who);
    }
  }

  private static IllegalStateException mismatch(Port<?> port, String accessor, String who) {
    return new IllegalStateException(who + " used " + accessor + "() on port '" + port.name() + "', a "
        + port.typeLabel() + "; use " + accessorFor(port) + "(" + port.name().toUpperCase(java.util.Locale.ROOT)
        + ") for a " + port.typeLabel());
  }

  /** The accessor that reads a port of this shape. */
  static String accessorFor(Port<?> port) {
    return switch (port.shape()) {
      case QUANTITY -> "getDouble";
      case INTEGER -> "getInt";
      case FLAG -> "getFlag";
      case TEXT, OBJECT -> "get";
    };
  }
}
