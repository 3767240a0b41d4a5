package io.mlsysim.zoo.spec;

/** The YAML form of a named scenario. */
public class ScenarioSpec extends EntrySpec {
  public String workload;
  public String hardware;
  public String fleet;
  public String slaMetric;
  public QText sla;
  public QText powerBudget;
}
