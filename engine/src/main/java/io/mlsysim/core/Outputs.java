package io.mlsysim.core;

/**
 * Where a result writes its fields. In a pipeline this writes straight into the evaluation
 * frame; for a result view it collects name/unit/value triples. Results write through this
 * interface so that one {@link Result#export} method serves both.
 */
public interface Outputs {

  void putDouble(Port<Double> port, double value);

  void putInt(Port<Integer> port, int value);

  void putFlag(Port<Boolean> port, boolean value);

  <T> void put(Port<T> port, T value);
}
