package io.mlsysim.core.plugin;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import io.mlsysim.units.QuantityKind;

/** A stand-in built-in: echo = power. Listed in the test class path's service file. */
public final class EchoModel extends Model<EchoModel.Echo> {
  static final Port<Double> POWER = Port.quantity("power", QuantityKind.POWER).nonNegative();
  static final Port<Double> ECHO = Port.quantity("echo", QuantityKind.POWER, "kW");

  public record Echo(double echo) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(ECHO, echo);
    }
  }

  public EchoModel() {
    super(Schema.model("EchoModel").requires(POWER).produces(ECHO).walls(5).build());
  }

  @Override
  public Echo evaluate(Inputs in) {
    return new Echo(in.getDouble(POWER));
  }
}
