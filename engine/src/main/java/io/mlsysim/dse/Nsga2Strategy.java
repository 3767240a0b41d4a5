package io.mlsysim.dse;

import java.util.ArrayList;
import java.util.List;
import org.uma.jmetal.algorithm.multiobjective.nsgaii.NSGAII;
import org.uma.jmetal.algorithm.multiobjective.nsgaii.NSGAIIBuilder;
import org.uma.jmetal.operator.crossover.impl.IntegerSBXCrossover;
import org.uma.jmetal.operator.mutation.impl.IntegerPolynomialMutation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.problem.integerproblem.impl.AbstractIntegerProblem;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

/**
 * NSGA-II over a study's grid, on jMetal. A solution is one ordinal per dimension (continuous
 * dimensions at their grid points), i.e. a grid index. jMetal breeds and selects on the driver;
 * each generation is handed as a whole to a {@link GenerationEvaluator}, which decides where it
 * runs — a loop here, Spark executors in the study runner — and returns its objectives.
 */
public final class Nsga2Strategy {
  private Nsga2Strategy() {}

  /** Evaluates one generation of grid indices; returns minimised objective vectors, null for a non-ok candidate. */
  public interface GenerationEvaluator {
    double[][] evaluate(long[] gridIndices, int generation);
  }

  /** Runs NSGA-II with the plan's population, generations and seed; returns the grid indices of the final population's non-dominated set. */
  public static long[] run(StudyPlan plan, GenerationEvaluator evaluator) {
    StudySpec.StrategySpec s = plan.strategySpec();
    SearchSpace space = plan.space();
    JMetalRandom.getInstance().setSeed(s.seed());
    GridProblem problem = new GridProblem(space, plan.objectiveCount());
    Evaluator ev = new Evaluator(space, evaluator);
    NSGAII<IntegerSolution> algorithm = new NSGAIIBuilder<>(problem,
        new IntegerSBXCrossover(0.9, 20.0),
        new IntegerPolynomialMutation(1.0 / Math.max(1, space.count()), 20.0),
        s.population())
        .setMaxEvaluations(s.population() * s.generations())
        .setSolutionListEvaluator(ev)
        .build();
    algorithm.run();
    List<IntegerSolution> result = algorithm.result();
    long[] out = new long[result.size()];
    Candidate c = space.newCandidate();
    for (int i = 0; i < out.length; i++) {
      out[i] = index(space, result.get(i), c);
    }
    return out;
  }

  static long index(SearchSpace space, IntegerSolution sol, Candidate c) {
    List<Integer> v = sol.variables();
    for (int d = 0; d < v.size(); d++) {
      c.ordinal[d] = v.get(d);
    }
    return space.encode(c);
  }

  /** The grid as a jMetal integer problem; evaluation happens per generation in {@link Evaluator}. */
  static final class GridProblem extends AbstractIntegerProblem {
    private static final long serialVersionUID = 1L;

    GridProblem(SearchSpace space, int objectives) {
      List<Integer> lo = new ArrayList<>();
      List<Integer> hi = new ArrayList<>();
      for (Dimension d : space.dimensions()) {
        lo.add(0);
        hi.add(d.size() - 1);
      }
      variableBounds(lo, hi);
      numberOfObjectives(objectives);
      numberOfConstraints(0);
      name("study grid");
    }

    @Override
    public IntegerSolution evaluate(IntegerSolution solution) {
      // Never called: the SolutionListEvaluator below scores whole generations on Spark.
      throw new IllegalStateException("a study evaluates whole generations through its evaluator");
    }
  }

  /** jMetal's per-generation seam, delegating to the study's evaluator. */
  static final class Evaluator implements SolutionListEvaluator<IntegerSolution> {
    private static final long serialVersionUID = 1L;
    private final transient SearchSpace space;
    private final transient GenerationEvaluator delegate;
    private int generation;

    Evaluator(SearchSpace space, GenerationEvaluator delegate) {
      this.space = space;
      this.delegate = delegate;
    }

    @Override
    public List<IntegerSolution> evaluate(List<IntegerSolution> population, Problem<IntegerSolution> problem) {
      long[] idx = new long[population.size()];
      Candidate c = space.newCandidate();
      for (int i = 0; i < idx.length; i++) {
        idx[i] = index(space, population.get(i), c);
      }
      double[][] objectives = delegate.evaluate(idx, generation++);
      for (int i = 0; i < idx.length; i++) {
        double[] o = objectives[i];
        double[] target = population.get(i).objectives();
        for (int k = 0; k < target.length; k++) {
          target[k] = o == null ? Double.MAX_VALUE : o[k]; // not ok: dominated by every ok candidate
        }
      }
      return population;
    }

    @Override
    public void shutdown() {}
  }

  /** A generation evaluated in this thread (tests, small studies): minimised objectives of ok rows. */
  public static GenerationEvaluator local(StudyPlan plan) {
    Candidate c = plan.space().newCandidate();
    Evaluation e = new Evaluation(plan.results().size());
    return (idx, gen) -> {
      double[][] out = new double[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        plan.space().decode(idx[i], c);
        if (!plan.admits(c)) {
          continue;
        }
        plan.evaluate(c, e);
        if (e.status == Evaluation.Status.OK) {
          out[i] = plan.objectives(e);
        }
      }
      return out;
    };
  }

  /** A fixed list of grid indices as an index strategy (one generation, for the row writers). */
  public static Strategy indices(SearchSpace space, long[] gridIndices, long seed) {
    return new Indices(space, gridIndices.clone(), seed);
  }

  static final class Indices implements Strategy {
    private static final long serialVersionUID = 1L;
    private final SearchSpace space;
    private final long[] idx;
    private final long seed;

    Indices(SearchSpace space, long[] idx, long seed) {
      this.space = space;
      this.idx = idx;
      this.seed = seed;
    }

    @Override
    public String kind() {
      return "nsga2";
    }

    @Override
    public long count() {
      return idx.length;
    }

    @Override
    public void fill(long index, Candidate c) {
      space.decode(idx[(int) index], c);
    }

    @Override
    public long seed() {
      return seed;
    }
  }
}
