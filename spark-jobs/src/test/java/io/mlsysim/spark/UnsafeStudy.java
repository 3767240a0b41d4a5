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
 * A test-only pipeline that misbehaves the ways a plugin can: an Error (not an exception) when
 * x = 3 and a NaN result when x = 2. Neither may stop the job.
 */
public final class UnsafeStudy implements StudyEvaluatorFactory {
  @Override
  public String name() {
    return "unsafe";
  }

  @Override
  public String version() {
    return "test";
  }

  @Override
  public List<InputDecl> inputs() {
    return List.of(new InputDecl("x", InputKind.INTEGER, null, "x"));
  }

  @Override
  public List<ResultField> results() {
    return List.of(new ResultField("cost_usd", "USD", "x itself"));
  }

  @Override
  public List<String> attributes() {
    return List.of();
  }

  @Override
  public CandidateEvaluator bind(SearchSpace space, Zoo zoo) {
    return new Bound(space.indexOf("x"));
  }

  record Bound(int dx) implements CandidateEvaluator {
    @Override
    public void evaluate(Candidate c, Evaluation out) {
      double x = c.value[dx];
      if (x == 3) {
        throw new AssertionError("x = 3 breaks an invariant");
      }
      out.values[0] = x == 2 ? Double.NaN : x;
    }

    @Override
    public Expr.Operand attribute(String name) {
      return null;
    }
  }
}
