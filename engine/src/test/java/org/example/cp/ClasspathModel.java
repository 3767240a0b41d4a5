package org.example.cp;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;

/** A third-party resolver found on the class path: count_out = count + 1. */
public final class ClasspathModel extends Model<ClasspathModel.Out> {
  static final Port<Integer> COUNT = Port.count("count").withDefault(1);
  static final Port<Integer> NEXT = Port.count("next");

  public record Out(int next) implements Result {
    @Override
    public void export(Outputs out) {
      out.putInt(NEXT, next);
    }
  }

  public ClasspathModel() {
    super(Schema.model("ClasspathModel").requires(COUNT).produces(NEXT).build());
  }

  @Override
  public Out evaluate(Inputs in) {
    return new Out(in.getInt(COUNT) + 1);
  }
}
