package io.mlsysim.zoo.spec;

/** The YAML form of every workload family; {@code type} picks the family. */
public class WorkloadSpec extends EntrySpec {
  public String type;
  public Double parameters;
  public Double activeParameters;
  public QText inferenceFlops;
  public QText modelSize;
  public Integer layers;
  public Integer hiddenSize;
  public Integer heads;
  public Integer kvHeads;
  public Integer kvLoraRank;
  public Integer qkRopeHeadDim;
  /** Tokenizer vocabulary size, transformer and moe only; leave it out when unpublished. */
  public Integer vocabSize;
  public Integer experts;
  public Integer activeExperts;
  public Double trainingTokens;
  public QText trainingFlops;
  public Integer stateSize;
  public Integer denoisingSteps;
  public Integer resolution;
}
