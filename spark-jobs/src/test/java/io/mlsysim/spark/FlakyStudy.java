package io.mlsysim.spark;

import io.mlsysim.dse.Candidate;
import io.mlsysim.dse.CandidateEvaluator;
import io.mlsysim.dse.Evaluation;
import io.mlsysim.dse.Expr;
import io.mlsysim.dse.InputDecl;
import io.mlsysim.dse.InputKind;
import io.mlsysim.dse.ResultField;
import io.mlsysim.dse.SearchSpace;
import io.mlsysim.dse.StudyEvaluatorFactory;
import io.mlsysim.zoo.Zoo;
import java.util.List;

/**
 * A test-only pipeline: two objectives from two integers and a real, infeasible when x + y is
 * a multiple of 7, and throwing when x = 13 (to check error rows).
 */
public final class FlakyStudy implements StudyEvaluatorFactory {
  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public String version() {
    return "test";
  }

  @Override
  public List<InputDecl> inputs() {
    return List.of(new InputDecl("x", InputKind.INTEGER, null, "x"), new InputDecl("y", InputKind.INTEGER, null, "y"),
        new InputDecl("w", InputKind.REAL, 1.0, "w"));
  }

  @Override
  public List<ResultField> results() {
    return List.of(new ResultField("f1_s", "s", "first objective"), new ResultField("f2_usd", "USD", "second"));
  }

  @Override
  public List<String> attributes() {
    return List.of();
  }

  @Override
  public CandidateEvaluator bind(SearchSpace space, Zoo zoo) {
    return new Bound(space.indexOf("x"), space.indexOf("y"), space.indexOf("w"));
  }

  record Bound(int dx, int dy, int dw) implements CandidateEvaluator {

    @Override
    public void evaluate(Candidate c, Evaluation out) {
        double x = c.value[dx];
        double y = c.value[dy];
        if (x == 13) {
          throw new ArithmeticException("x = 13 is unlucky");
        }
        // A trade-off with ties and plenty of dominated points.
        out.values[0] = Math.floor((x * 37 + y * 11) % 17) + c.value[dw];
        out.values[1] = Math.floor((x * 5 + y * 29) % 13) + 1 / c.value[dw];
        if ((x + y) % 7 == 0) {
          out.feasible = false;
          out.reason = "x + y divisible by 7";
        }
      }

    @Override
    public Expr.Operand attribute(String name) {
      return null;
    }
  }
}
