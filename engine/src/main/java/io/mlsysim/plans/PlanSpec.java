package io.mlsysim.plans;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlsysim.zoo.spec.QText;
import java.util.ArrayList;
import java.util.List;

/**
 * The YAML form of a plan: one system to evaluate, with assertions a CI pipeline can gate on.
 *
 * <pre>
 * version: 1
 * name: chatbot-on-h100
 * workload: Llama3_8B
 * hardware: H100            # or fleet: Frontier_8K
 * ops: {batch: 8, precision: fp16, efficiency: 0.5}
 * constraints:
 *   assert:
 *     - {metric: p_latency_ms, max: 50}
 * </pre>
 */
public class PlanSpec {
  public Integer version;
  public String name;
  public String description;
  public String workload;
  public String hardware;
  public String fleet;
  public Ops ops = new Ops();
  public Constraints constraints = new Constraints();

  /** How the system is operated. */
  public static class Ops {
    public Integer batch;
    public String precision;
    public Double efficiency;
    public Integer seqLen;
    /** Run length for the Macro lens, e.g. "30 days". */
    public QText duration;
    /** Grid region for energy, carbon and price, e.g. Quebec. */
    public String region;
    public Integer tp;
    public Integer pp;
    public Integer microbatchSize;
  }

  /** Assertions on the evaluation's metrics. */
  public static class Constraints {
    @JsonProperty("assert")
    public List<Assertion> asserts = new ArrayList<>();
  }

  /** One bound on one metric. */
  public static class Assertion {
    public String metric;
    public Double min;
    public Double max;
  }
}
