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
 * A test-only pipeline whose frontier is full of ties: the objectives depend on x only through
 * x / 2 (so pairs of x tie), on k only at x = 0 and x = 6, not at all on the grid region, and w
 * shifts both objectives up (so w above its lowest value is dominated).
 */
public final class TiesStudy implements StudyEvaluatorFactory {
  @Override
  public String name() {
    return "ties";
  }

  @Override
  public String version() {
    return "test";
  }

  @Override
  public List<InputDecl> inputs() {
    return List.of(new InputDecl("x", InputKind.INTEGER, null, "x"), new InputDecl("k", InputKind.INTEGER, 0L, "k"),
        new InputDecl("w", InputKind.REAL, 1.0, "w"), new InputDecl("grid", InputKind.REGION, "Quebec", "region"));
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
    return new Bound(space.indexOf("x"), space.indexOf("k"), space.indexOf("w"));
  }

  record Bound(int dx, int dk, int dw) implements CandidateEvaluator {
    @Override
    public void evaluate(Candidate c, Evaluation out) {
      double x = c.value[dx];
      double k = dk < 0 ? 0 : c.value[dk];
      double w = dw < 0 ? 1 : c.value[dw];
      double v = Math.floor(x / 2);
      out.values[0] = v + (w - 1);
      out.values[1] = 2 - v + (w - 1) + (x == 0 ? 0.5 * k : 0) + (x == 6 ? k : 0);
    }

    @Override
    public Expr.Operand attribute(String name) {
      return null;
    }
  }
}
