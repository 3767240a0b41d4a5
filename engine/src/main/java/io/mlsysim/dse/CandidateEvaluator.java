package io.mlsysim.dse;

import java.io.Serializable;

/**
 * The evaluation seam of a study: a model pipeline bound to a search space and to the zoo
 * entries its values name, ready to run on an executor. Implementations resolve every zoo entry
 * once when bound (on the driver) into primitive tables indexed by the candidate's ordinals, so
 * {@link #evaluate} does arithmetic on doubles and allocates nothing. It must be pure: the same
 * candidate gives bit-identical results on any executor.
 */
public interface CandidateEvaluator extends Serializable {
  /**
   * Evaluates one candidate into {@code out} (already reset). May throw: the study records an
   * error row with the exception's message and goes on.
   */
  void evaluate(Candidate c, Evaluation out);

  /**
   * An attribute of the candidate usable in conditions (e.g. {@code layers} of the chosen
   * workload, {@code gpus_per_node} of the chosen fleet), or null when unknown.
   */
  Expr.Operand attribute(String name);
}
