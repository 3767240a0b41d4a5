package io.mlsysim.models;

import static io.mlsysim.models.OpsFixtures.HOUR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlsysim.core.ResultView;
import io.mlsysim.testkit.ResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsibleEngineeringModelTest {

  @Test
  void dpSgdAtEpsilonOneTriplesTraining() {
    // slowdown = 1 + 2/max(1, 0.01) = 3; 100 h → 300 h; prevalence 1 % → ×100 data
    ResultView v = ResolverContract.check(new ResponsibleEngineeringModel(),
        Map.of("training_time", "100 h", "epsilon", 1.0, "prevalence", 0.01));
    assertEquals(3.0, v.field("dp_slowdown").number(), 1e-15);
    assertEquals(300 * HOUR, v.field("effective_training_time").number(), 1e-9);
    assertEquals(100.0, v.field("data_factor").number(), 1e-12);
  }

  @Test
  void defaultsMeanNoPrivacyAndTheWholePopulation() {
    ResultView v = ResolverContract.check(new ResponsibleEngineeringModel(), Map.of("training_time", "10 h"));
    assertEquals(1.0, v.field("dp_slowdown").number());
    assertEquals(1.0, v.field("data_factor").number());
    assertEquals(10 * HOUR, v.field("effective_training_time").number());
  }

  @Test
  void floorsGuardTinyEpsilonAndPrevalence() {
    ResponsibleEngineeringModel.ResponsibleResult r = ResponsibleEngineeringModel.solve(HOUR, 1e-4, 0);
    assertEquals(1 + 2 / 0.01, r.dpSlowdown(), 1e-12); // ε floored at 0.01 → 201
    assertEquals(1e6, r.dataFactor(), 1e-6);           // prevalence floored at 1e-6
  }

  @Test
  void outOfRangeInputsAreNamed() {
    ResolverContract.assertRejects(new ResponsibleEngineeringModel(),
        Map.of("training_time", "10 h", "prevalence", 1.5), "prevalence", "[0, 1]");
    ResolverContract.assertRejects(new ResponsibleEngineeringModel(),
        Map.of("training_time", "10 h", "epsilon", 0.0), "epsilon");
    ResolverContract.assertRejects(new ResponsibleEngineeringModel(), Map.of("training_time", "0 h"), "training_time");
  }
}
