package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.zoo.Zoo;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A study whose pipeline is the engine's own resolvers, named in the spec. */
class ResolverStudyTest {
  static final Zoo ZOO = Zoo.builtIn();

  @Test
  void quickstartRowsMatchThePipelineRunDirectly() {
    StudyPlan plan = StudyPlan.compile(StudySpec.read(Path.of("../configs/studies/quickstart.yaml")), ZOO);
    Candidate c = plan.space().newCandidate();
    Evaluation e = new Evaluation(plan.results().size());
    Map<Evaluation.Status, Integer> counts = new EnumMap<>(Evaluation.Status.class);
    int step = plan.results().stream().map(ResultField::name).toList().indexOf("step_latency_s");
    int checked = 0;
    for (long i = 0; i < plan.strategy().count(); i += 7) {
      plan.strategy().fill(i, c);
      if (!plan.admits(c)) {
        continue;
      }
      plan.evaluate(c, e);
      counts.merge(e.status, 1, Integer::sum);
      if (e.status == Evaluation.Status.OK && checked++ < 20) {
        // the same configuration through Pipeline.run, the contract's own entry point
        Map<String, Object> in = new java.util.LinkedHashMap<>();
        for (Dimension d : plan.space().dimensions()) {
          int k = plan.space().indexOf(d.name());
          in.put(d.name(), d.isCategorical() ? d.label(c.ordinal[k])
              : d.kind() == InputKind.INTEGER ? (Object) (int) c.value[k] : (Object) c.value[k]);
        }
        var r = Pipeline.of(new DistributedModel()).run(filter(in, new DistributedModel()));
        assertEquals(r.getDouble(DistributedModel.STEP_LATENCY), e.values[step], 0.0);
      }
    }
    assertTrue(counts.getOrDefault(Evaluation.Status.OK, 0) > 100, counts.toString());
    assertTrue(counts.getOrDefault(Evaluation.Status.INFEASIBLE, 0) > 0, counts.toString());
    assertEquals(0, counts.getOrDefault(Evaluation.Status.ERROR, 0), counts.toString());
  }

  private static Map<String, Object> filter(Map<String, Object> in, io.mlsysim.core.Resolver<?> r) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (var p : r.schema().requires()) {
      if (in.containsKey(p.name())) {
        Object v = in.get(p.name());
        out.put(p.name(), p.shape() == io.mlsysim.core.Port.Shape.FLAG ? (Object) (((Number) v).intValue() != 0) : v);
      }
    }
    return out;
  }

  @Test
  void unknownResolverNamesAreRefusedWithSuggestions() {
    String msg = org.junit.jupiter.api.Assertions.assertThrows(StudySpecException.class, () -> StudyPlan.compile(
        StudySpec.parse("s.yaml", """
            name: s
            pipeline: [DistributedModel, SustainabiltyModel]
            space: {tp: [1, 2]}
            objectives: [{minimize: step_latency_s}]
            """), ZOO)).getMessage();
    assertTrue(msg.startsWith("s.yaml:2: pipeline[1]: unknown pipeline or resolver 'SustainabiltyModel'; "
        + "did you mean 'SustainabilityModel'?"), msg);
  }
}
