package io.mlsysim.core.pipeline;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Solver;
import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.List;

/** Small resolvers that wire into chains: seconds → scaled → bytes → report. */
final class Fixtures {
  private Fixtures() {}

  static final Port<Double> SECONDS = Port.quantity("seconds", QuantityKind.TIME).nonNegative();
  static final Port<Double> FACTOR = Port.number("factor").withDefault(2.0);
  static final Port<Double> SCALED = Port.quantity("scaled", QuantityKind.TIME);
  static final Port<Double> SCALED_IN = Port.quantity("scaled", QuantityKind.TIME);
  static final Port<Double> RATE = Port.quantity("rate", QuantityKind.DATA_RATE);
  static final Port<Double> BYTES = Port.quantity("bytes", QuantityKind.DATA_SIZE);
  static final Port<Double> BYTES_IN = Port.quantity("bytes", QuantityKind.DATA_SIZE);
  static final Port<Double> BYTES_AS_TIME = Port.quantity("bytes", QuantityKind.TIME);
  static final Port<Boolean> BIG = Port.flag("big");

  record Scalar(double value, Port<Double> port) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(port, value);
    }
  }

  record Flag(boolean big) implements Result {
    @Override
    public void export(Outputs out) {
      out.putFlag(BIG, big);
    }
  }

  /** scaled = seconds × factor (factor defaults to 2). */
  static final class Scale extends Model<Scalar> {
    Scale() {
      super(Schema.model("Scale").requires(SECONDS, FACTOR).produces(SCALED).walls(3).build());
    }

    @Override
    public Scalar evaluate(Inputs in) {
      return new Scalar(in.getDouble(SECONDS) * in.getDouble(FACTOR), SCALED);
    }
  }

  /** bytes = scaled × rate. */
  static final class ToBytes extends Model<Scalar> {
    ToBytes() {
      super(Schema.model("ToBytes").requires(SCALED_IN, RATE).produces(BYTES).walls(4, 3).build());
    }

    @Override
    public Scalar evaluate(Inputs in) {
      return new Scalar(in.getDouble(SCALED_IN) * in.getDouble(RATE), BYTES);
    }
  }

  /** big = bytes > 1 GB. */
  static final class IsBig extends Solver<Flag> {
    IsBig() {
      super(Schema.solver("IsBig").requires(BYTES_IN).produces(BIG).build());
    }

    @Override
    public Flag evaluate(Inputs in) {
      return new Flag(in.getDouble(BYTES_IN) > 1e9);
    }
  }

  /** Mis-declared: reads "bytes" as a time. */
  static final class WantsBytesAsTime extends Model<Flag> {
    WantsBytesAsTime() {
      super(Schema.model("WantsBytesAsTime").requires(BYTES_AS_TIME).produces(BIG).build());
    }

    @Override
    public Flag evaluate(Inputs in) {
      return new Flag(in.getDouble(BYTES_AS_TIME) > 1);
    }
  }

  /** Reads a port it never declared. */
  static final class Sneaky extends Model<Flag> {
    Sneaky() {
      super(Schema.model("Sneaky").requires(BYTES_IN).produces(BIG).build());
    }

    @Override
    public Flag evaluate(Inputs in) {
      return new Flag(in.getDouble(RATE) > 0);
    }
  }

  /** Fails on demand, to test error callbacks. */
  static final class Fails extends Model<Flag> {
    Fails() {
      super(Schema.model("Fails").requires(BYTES_IN).produces(BIG).build());
    }

    @Override
    public Flag evaluate(Inputs in) {
      throw new InvalidInputException("bytes", "bytes too large for Fails");
    }
  }

  /** Records every callback event as a string. */
  static final class Recorder implements PipelineCallback {
    final List<String> events = new ArrayList<>();

    @Override
    public void onPipelineStart(Pipeline pipeline, java.util.Map<String, Object> inputs) {
      events.add("pipeline-start");
    }

    @Override
    public void onStageStart(String stage) {
      events.add("start:" + stage);
    }

    @Override
    public void onStageEnd(String stage, Result result) {
      events.add("end:" + stage);
    }

    @Override
    public void onStageError(String stage, RuntimeException error) {
      events.add("error:" + stage);
    }

    @Override
    public void onPipelineEnd(PipelineResults results) {
      events.add("pipeline-end");
    }
  }
}
