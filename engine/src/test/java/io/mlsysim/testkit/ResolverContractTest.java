package io.mlsysim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.Schema;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.units.QuantityKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ResolverContractTest {
  static final Port<HardwareNode> HW = Port.object("hardware", HardwareNode.class);
  static final Port<Double> LATENCY = Port.quantity("latency", QuantityKind.TIME).positive();
  static final Port<Double> BW = Port.quantity("bandwidth", QuantityKind.DATA_RATE, "GB/s");
  static final Port<Double> RATIO = Port.number("ratio");

  record Two(double bandwidth, double ratio) implements Result {
    @Override
    public void export(Outputs out) {
      out.putDouble(BW, bandwidth);
      out.putDouble(RATIO, ratio);
    }
  }

  /** A well-behaved model; the variants below break one rule each. */
  static class Good extends Model<Result> {
    Good() {
      super(Schema.model("Good").requires(HW, LATENCY).produces(BW, RATIO).build());
    }

    @Override
    public Result evaluate(Inputs in) {
      HardwareNode hw = in.get(HW);
      double bw = hw.memory().capacity() / in.getDouble(LATENCY);
      return new Two(bw, bw / hw.memory().bandwidth());
    }
  }

  static final Map<String, Object> SAMPLE = Map.of("hardware", "H100", "latency", "10 ms");

  @Test
  void aWellBehavedModelPasses() {
    ResultView v = ResolverContract.check(new Good(), SAMPLE);
    assertEquals("GB/s", v.field("bandwidth").unit());
  }

  @Test
  void aProducedPortThatIsNeverWrittenFails() {
    Model<Result> lazy = new Good() {
      @Override
      public Result evaluate(Inputs in) {
        return out -> out.putDouble(BW, 1);
      }
    };
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ResolverContract.check(lazy, SAMPLE));
    assertTrue(e.getMessage().contains("'ratio'"), e.getMessage());
  }

  @Test
  void aRecordFieldWithoutAPortFails() {
    record Extra(double bandwidth, double ratio, double secret) implements Result {
      @Override
      public void export(Outputs out) {
        out.putDouble(BW, bandwidth);
        out.putDouble(RATIO, ratio);
      }
    }
    Model<Result> leaky = new Good() {
      @Override
      public Result evaluate(Inputs in) {
        return new Extra(1, 2, 3);
      }
    };
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ResolverContract.check(leaky, SAMPLE));
    assertTrue(e.getMessage().contains("'secret'"), e.getMessage());
  }

  @Test
  void nonDeterminismFails() {
    Model<Result> noisy = new Good() {
      private double drift;

      @Override
      public Result evaluate(Inputs in) {
        drift += 1;
        return new Two(drift, 0);
      }
    };
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ResolverContract.check(noisy, SAMPLE));
    assertTrue(e.getMessage().contains("not deterministic"), e.getMessage());
  }

  @Test
  void anUnclearErrorOnBadInputFails() {
    Model<Result> vague = new Good() {
      @Override
      public Result evaluate(Inputs in) {
        HardwareNode hw = in.get(HW);
        double t = in.getDouble(LATENCY);
        return new Two(hw.memory().capacity() / t, Math.sqrt(t));
      }
    };
    ResolverContract.check(vague, SAMPLE); // positive() latency: the engine refuses -1 by name
    Port<Double> unbounded = Port.quantity("latency", QuantityKind.TIME);
    Model<Result> throwsBlindly = new Model<>(Schema.model("Blind").requires(unbounded).produces(BW, RATIO).build()) {
      @Override
      public Result evaluate(Inputs in) {
        if (in.getDouble(unbounded) < 0) {
          throw new IllegalArgumentException("negative!");
        }
        return new Two(1, 1);
      }
    };
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> ResolverContract.check(throwsBlindly, Map.of("latency", 1.0)));
    assertTrue(e.getMessage().contains("does not name the port"), e.getMessage());
  }

  @Test
  void snakeCase() {
    assertEquals("flops_per_watt", ResolverContract.snake("flopsPerWatt"));
  }
}
