package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.Model;
import io.mlsysim.core.Outputs;
import io.mlsysim.core.Port;
import io.mlsysim.core.Result;
import io.mlsysim.core.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Result columns never take the table's own names: namespaced by stage, or refused by name. */
class ResolverStudyColumnsTest {
  static final Port<Double> X = Port.number("x");
  static final Port<Boolean> FEASIBLE = Port.flag("feasible");
  static final Port<Boolean> CLASH_FEASIBLE = Port.flag("clash_feasible");
  static final Port<Double> STATUS = Port.number("status");

  record Out(Port<Boolean> a, Port<Boolean> b) implements Result {
    @Override
    public void export(Outputs out) {
      out.putFlag(a, true);
      out.putFlag(b, true);
    }
  }

  /** A stage producing two flags with the given ports. */
  static final class TwoFlags extends Model<Out> {
    private final Port<Boolean> a;
    private final Port<Boolean> b;

    TwoFlags(String name, Port<Boolean> a, Port<Boolean> b) {
      super(Schema.model(name).requires(X).produces(a, b).walls(1).build());
      this.a = a;
      this.b = b;
    }

    @Override
    public Out evaluate(Inputs in) {
      return new Out(a, b);
    }
  }

  @Test
  void aCollidingOutputTakesItsStagesName() {
    ResolverStudy s = ResolverStudy.of(List.of("PlainModel"),
        List.of(new TwoFlags("PlainModel", FEASIBLE, Port.flag("other_feasible"))));
    assertEquals(List.of("plain_feasible", "other_feasible"), s.results().stream().map(ResultField::name).toList());
  }

  /** "ClashModel" would rename 'feasible' to 'clash_feasible', which its other port already is. */
  @Test
  void aCollisionThatCannotBeResolvedNamesTheStageAndThePort() {
    var e = assertThrows(StudySpecException.class, () -> ResolverStudy.of(List.of("ClashModel"),
        List.of(new TwoFlags("ClashModel", CLASH_FEASIBLE, FEASIBLE))));
    assertTrue(e.getMessage().contains("stage 'ClashModel' output port 'feasible'")
        && e.getMessage().contains("'clash_feasible'") && e.getMessage().contains("rename the port"), e.getMessage());
  }

  @Test
  void stagePrefixesAreSnakeCaseWithoutTheTier() {
    assertEquals("single_node", ResolverStudy.stagePrefix("SingleNodeModel"));
    assertEquals("required_bandwidth", ResolverStudy.stagePrefix("RequiredBandwidthSolver"));
    assertEquals("mo_e_routing", ResolverStudy.stagePrefix("MoERoutingModel"));
  }
}
