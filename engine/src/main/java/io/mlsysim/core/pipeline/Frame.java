package io.mlsysim.core.pipeline;

import io.mlsysim.core.EdgeValues;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.TypedAccess;

/**
 * The working memory of one evaluation: numeric port values unboxed in a double array, objects
 * and text in an object array, and each stage's typed result. A batch caller makes one frame
 * per thread with {@link CompiledPipeline#newFrame()}, sets the inputs that vary, calls
 * {@link CompiledPipeline#evaluate(Frame)} and reads outputs; nothing is allocated by the
 * pipeline itself between evaluations. Not thread-safe.
 */
public final class Frame {
  final CompiledPipeline plan;
  final double[] doubles;
  final Object[] objects;
  final Result[] results;
  final StageIO[] io;

  Frame(CompiledPipeline plan) {
    this.plan = plan;
    this.doubles = plan.initialDoubles.clone();
    this.objects = plan.initialObjects.clone();
    this.results = new Result[plan.order.size()];
    this.io = new StageIO[plan.order.size()];
    for (int i = 0; i < io.length; i++) {
      io[i] = new StageIO(this, plan.stageTables[i], plan.order.get(i).name());
    }
  }

  /** Sets a numeric input by port (range-checked; cheap enough for per-candidate use). */
  public Frame setDouble(Port<Double> port, double value) {
    port.check(value);
    doubles[plan.slotOf(port)] = value;
    return this;
  }

  public Frame setInt(Port<Integer> port, int value) {
    port.check(value);
    doubles[plan.slotOf(port)] = value;
    return this;
  }

  public Frame setFlag(Port<Boolean> port, boolean value) {
    doubles[plan.slotOf(port)] = value ? 1 : 0;
    return this;
  }

  public <T> Frame set(Port<T> port, T value) {
    TypedAccess.object(port, "set", "the frame's caller");
    objects[plan.slotOf(port)] = EdgeValues.toObject(port, value);
    return this;
  }

  /** Fastest setter: a slot from {@link CompiledPipeline#numericSlot(String)}; no checks. */
  public void setDoubleAt(int slot, double value) {
    doubles[slot] = value;
  }

  /** Sets an input by name from user text or a Java value ("500 ms", 32, "H100"); edge use. */
  public Frame set(String portName, Object raw) {
    InputSpec spec = plan.input(portName);
    Port<?> p = spec.port();
    int slot = plan.slotOfName(portName);
    if (p.isNumeric()) {
      doubles[slot] = EdgeValues.toNumber(p, raw);
    } else {
      objects[slot] = EdgeValues.toObject(p, raw);
    }
    return this;
  }

  public double getDouble(Port<Double> port) {
    TypedAccess.numeric(port, Port.Shape.QUANTITY, "getDouble", "the frame's caller");
    return doubles[plan.slotOf(port)];
  }

  /** A numeric value by slot, see {@link CompiledPipeline#numericSlot(String)}. */
  public double getDoubleAt(int slot) {
    return doubles[slot];
  }

  public int getInt(Port<Integer> port) {
    TypedAccess.numeric(port, Port.Shape.INTEGER, "getInt", "the frame's caller");
    return (int) doubles[plan.slotOf(port)];
  }

  public boolean getFlag(Port<Boolean> port) {
    TypedAccess.numeric(port, Port.Shape.FLAG, "getFlag", "the frame's caller");
    return doubles[plan.slotOf(port)] != 0;
  }

  public <T> T get(Port<T> port) {
    TypedAccess.object(port, "get", "the frame's caller");
    return port.type().cast(objects[plan.slotOf(port)]);
  }

  /** The typed result of the stage at {@code position} in execution order. */
  public Result result(int position) {
    return results[position];
  }

  /** The typed result of a stage by name (a string lookup: not for the inner loop). */
  public Result result(String stage) {
    return results[plan.position(stage)];
  }

  public CompiledPipeline plan() {
    return plan;
  }
}
