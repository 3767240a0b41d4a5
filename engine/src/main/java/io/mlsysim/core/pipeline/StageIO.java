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
  private final Frame frame;
  private final int[] table;
  private final String stage;
  private final String who; // built once: the hot path must not allocate

  StageIO(Frame frame, int[] table, String stage) {
    this.frame = frame;
    this.table = table;
    this.stage = stage;
    this.who = "stage '" + stage + "'";
  }

  private int slot(Port<?> port) {
    int id = port.id();
    int s = id < table.length ? table[id] : -1;
    if (s < 0) {
      throw undeclared(port);
    }
    return s;
  }

  private RuntimeException undeclared(Port<?> port) {
    return new PipelineException("stage '" + stage + "' used port '" + port.name()
        + "' that its schema does not declare; add it to requires(...) or produces(...)");
  }

  @Override
  public double getDouble(Port<Double> port) {
    TypedAccess.numeric(port, Port.Shape.QUANTITY, "getDouble", who);
    return frame.doubles[slot(port)];
  }

  @Override
  public int getInt(Port<Integer> port) {
    TypedAccess.numeric(port, Port.Shape.INTEGER, "getInt", who);
    return (int) frame.doubles[slot(port)];
  }

  @Override
  public boolean getFlag(Port<Boolean> port) {
    TypedAccess.numeric(port, Port.Shape.FLAG, "getFlag", who);
    return frame.doubles[slot(port)] != 0;
  }

  @Override
  public <T> T get(Port<T> port) {
    TypedAccess.object(port, "get", who);
    Object v = frame.objects[slot(port)];
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
    TypedAccess.numeric(port, Port.Shape.QUANTITY, "putDouble", who);
    frame.doubles[slot(port)] = value;
  }

  @Override
  public void putInt(Port<Integer> port, int value) {
    TypedAccess.numeric(port, Port.Shape.INTEGER, "putInt", who);
    frame.doubles[slot(port)] = value;
  }

  @Override
  public void putFlag(Port<Boolean> port, boolean value) {
    TypedAccess.numeric(port, Port.Shape.FLAG, "putFlag", who);
    frame.doubles[slot(port)] = value ? 1 : 0;
  }

  @Override
  public <T> void put(Port<T> port, T value) {
    TypedAccess.object(port, "put", who);
    frame.objects[slot(port)] = value;
  }
}
