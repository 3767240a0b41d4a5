package io.mlsysim.dse;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One decision variable of a search space. Categorical and integer dimensions are finite lists
 * of values; a continuous dimension is an interval that random and Latin-hypercube strategies
 * sample anywhere and a grid visits at {@code gridPoints} evenly spaced points.
 */
public final class Dimension implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final InputKind kind;
  private final String[] labels;
  private final double[] values;
  private final double lo;
  private final double hi;
  private final int gridPoints;
  private final long nameHash;
  private final long[] valueHashes;

  private Dimension(String name, InputKind kind, String[] labels, double[] values, double lo, double hi,
      int gridPoints) {
    this.name = name;
    this.kind = kind;
    this.labels = labels;
    this.values = values;
    this.lo = lo;
    this.hi = hi;
    this.gridPoints = gridPoints;
    this.nameHash = CandidateIds.hash(name.getBytes(StandardCharsets.UTF_8));
    if (values != null) {
      valueHashes = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        valueHashes[i] = labels != null
            ? CandidateIds.hash(labels[i].getBytes(StandardCharsets.UTF_8))
            : CandidateIds.numberHash(values[i]);
      }
    } else {
      valueHashes = null;
    }
  }

  /** A categorical dimension over canonical names (zoo entry names, precision ids). */
  public static Dimension categorical(String name, InputKind kind, String... labels) {
    double[] ordinals = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      ordinals[i] = i;
    }
    return new Dimension(name, kind, labels.clone(), ordinals, Double.NaN, Double.NaN, labels.length);
  }

  /** An integer dimension over the given values. */
  public static Dimension integers(String name, long... values) {
    double[] v = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      v[i] = values[i];
    }
    return new Dimension(name, InputKind.INTEGER, null, v, Double.NaN, Double.NaN, values.length);
  }

  /** A real dimension over a finite list of values. */
  public static Dimension reals(String name, double... values) {
    return new Dimension(name, InputKind.REAL, null, values.clone(), Double.NaN, Double.NaN, values.length);
  }

  /** A continuous interval [lo, hi]; a grid visits it at {@code gridPoints} points (ends included). */
  public static Dimension continuous(String name, double lo, double hi, int gridPoints) {
    return new Dimension(name, InputKind.REAL, null, null, lo, hi, gridPoints);
  }

  public String name() {
    return name;
  }

  public InputKind kind() {
    return kind;
  }

  public boolean isCategorical() {
    return labels != null;
  }

  public boolean isContinuous() {
    return values == null;
  }

  /** Number of values a grid visits. */
  public int size() {
    return gridPoints;
  }

  /** Label of a categorical ordinal. */
  public String label(int ordinal) {
    return labels[ordinal];
  }

  public String[] labels() {
    return labels == null ? null : labels.clone();
  }

  /** The numeric value of a grid ordinal. */
  public double valueAt(int ordinal) {
    if (values != null) {
      return values[ordinal];
    }
    return gridPoints == 1 ? lo : lo + (hi - lo) * ordinal / (gridPoints - 1);
  }

  /** Sets the dimension {@code d} of {@code c} to grid ordinal {@code ordinal}. */
  void set(Candidate c, int d, int ordinal) {
    c.ordinal[d] = ordinal;
    c.value[d] = valueAt(ordinal);
  }

  /**
   * Sets dimension {@code d} of {@code c} from a uniform draw {@code u} in [0, 1): a continuous
   * dimension takes the point of the interval, a discrete one the value of that quantile.
   */
  void setUniform(Candidate c, int d, double u) {
    if (values == null) {
      c.ordinal[d] = -1;
      c.value[d] = lo + (hi - lo) * u;
    } else {
      int o = (int) Math.min(values.length - 1, (long) (u * values.length));
      c.ordinal[d] = o;
      c.value[d] = values[o];
    }
  }

  public double lo() {
    return lo;
  }

  public double hi() {
    return hi;
  }

  /** Hash of the value of dimension {@code d} in {@code c}, for the candidate id. */
  long valueHash(Candidate c, int d) {
    int o = c.ordinal[d];
    long vh = o >= 0 && valueHashes != null ? valueHashes[o] : CandidateIds.numberHash(c.value[d]);
    return CandidateIds.mix(nameHash * 31 + vh);
  }

  @Override
  public String toString() {
    if (labels != null) {
      return name + Arrays.toString(labels);
    }
    if (values != null) {
      return name + Arrays.toString(values);
    }
    return name + "[" + lo + ", " + hi + "]";
  }
}
