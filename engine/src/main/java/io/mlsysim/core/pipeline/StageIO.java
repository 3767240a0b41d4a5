package io.mlsysim.core.pipeline;

import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Inputs;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.TypedAccess;

/**
 * One stage's window on a frame. The stage's table maps a port id to a slot only for ports the
 * stage declares, so reading or writing anything else fails loudly instead of coupling stages
 * through undeclared names. Allocated once per frame and reused for every evaluation.
 */
final class StageIO implements Inputs, Outputs {
  // the frame's arrays themselves, not the frame: one load fewer on every read and write
  private final double[] doubles;
  private final Object[] objects;
  private final int[] table;
  private final String stage;
  private final String who; // built once: the hot path must not allocate

  StageIO(Frame frame, int[] table, String stage) {
    this.doubles = frame.doubles;
    this.objects = frame.objects;
    this.table = table;
    this.stage = stage;
    this.who = "stage '" + stage + "'";
  }

  // Table entries carry the port's shape in their low bits, so one load and one comparison both
  // find the slot and check that the accessor matches the port: this runs for every read and
  // write of every stage of every candidate.
  private static final int SHAPE_BITS = 3;
  private static final int SHAPE_MASK = (1 << SHAPE_BITS) - 1;
  private static final int QUANTITY = Port.Shape.QUANTITY.ordinal();
  private static final int INTEGER = Port.Shape.INTEGER.ordinal();
  private static final int FLAG = Port.Shape.FLAG.ordinal();
  private static final int FIRST_OBJECT_SHAPE = Port.Shape.TEXT.ordinal(); // TEXT and OBJECT live in objects[]

  /** The table entry of a port of {@code shape} at {@code slot}; -1 marks an undeclared port. */
  static int entry(int slot, Port.Shape shape) {
    return slot << SHAPE_BITS | shape.ordinal();
  }

  private int numericSlot(Port<?> port, int shape, Port.Shape expected, String accessor) {
    int id = port.id();
    int e = id < table.length ? table[id] : -1;
    if (e < 0 || (e & SHAPE_MASK) != shape) {
      throw refusal(port, expected, accessor);
    }
    return e >>> SHAPE_BITS;
  }

  private int objectSlot(Port<?> port, String accessor) {
    int id = port.id();
    int e = id < table.length ? table[id] : -1;
    if (e < 0 || (e & SHAPE_MASK) < FIRST_OBJECT_SHAPE) {
      throw refusal(port, null, accessor);
    }
    return e >>> SHAPE_BITS;
  }

  /** Why an access failed: the accessor does not fit the port, or the stage never declared it. */
  private RuntimeException refusal(Port<?> port, Port.Shape expected, String accessor) {
    if (expected == null) {
      TypedAccess.object(port, accessor, who);
    } else {
      TypedAccess.numeric(port, expected, accessor, who);
    }
    return new PipelineException("stage '" + stage + "' used port '" + port.name()
        + "' that its schema does not declare; add it to requires(...) or produces(...)");
  }

  @Override
  public double getDouble(Port<Double> port) {
    return doubles[numericSlot(port, QUANTITY, Port.Shape.QUANTITY, "getDouble")];
  }

  @Override
  public int getInt(Port<Integer> port) {
    return (int) doubles[numericSlot(port, INTEGER, Port.Shape.INTEGER, "getInt")];
  }

  @Override
  public boolean getFlag(Port<Boolean> port) {
    return doubles[numericSlot(port, FLAG, Port.Shape.FLAG, "getFlag")] != 0;
  }

  @Override
  public <T> T get(Port<T> port) {
    Object v = objects[objectSlot(port, "get")];
    if (v == null) {
      throw new InvalidInputException(port.name(), "stage '" + stage + "' needs input '"
          + port.name() + "' (" + port.typeLabel() + ") but it was not set");
    }
    @SuppressWarnings("unchecked")
    T t = (T) v; // an object slot: type-checked when the pipeline was compiled and when it was set
    return t;
  }

  @Override
  public void putDouble(Port<Double> port, double value) {
    doubles[numericSlot(port, QUANTITY, Port.Shape.QUANTITY, "putDouble")] = value;
  }

  @Override
  public void putInt(Port<Integer> port, int value) {
    doubles[numericSlot(port, INTEGER, Port.Shape.INTEGER, "putInt")] = value;
  }

  @Override
  public void putFlag(Port<Boolean> port, boolean value) {
    doubles[numericSlot(port, FLAG, Port.Shape.FLAG, "putFlag")] = value ? 1 : 0;
  }

  @Override
  public <T> void put(Port<T> port, T value) {
    objects[objectSlot(port, "put")] = value;
  }
}
