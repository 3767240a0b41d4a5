package io.mlsysim.dse;

import java.io.Serializable;
import java.util.List;

/**
 * The decision variables of a study. A grid point is a mixed-radix number whose digits are the
 * dimensions' ordinals (the last dimension varies fastest), so any index decodes on its own and
 * the space is never materialised.
 */
public final class SearchSpace implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Dimension[] dims;
  private final long size;

  public SearchSpace(List<Dimension> dimensions) {
    this.dims = dimensions.toArray(new Dimension[0]);
    long s = 1;
    for (Dimension d : dims) {
      try {
        s = Math.multiplyExact(s, d.size());
      } catch (ArithmeticException e) {
        throw new StudySpecException("the grid has more than 2^63 points; use a random, "
            + "latin_hypercube or nsga2 strategy, or fewer values");
      }
    }
    this.size = s;
  }

  /** Grid size: the product of the dimensions' sizes. */
  public long size() {
    return size;
  }

  public List<Dimension> dimensions() {
    return List.of(dims);
  }

  Dimension[] dimensionArray() {
    return dims;
  }

  public int count() {
    return dims.length;
  }

  /** Position of the dimension called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < dims.length; i++) {
      if (dims[i].name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public Candidate newCandidate() {
    return new Candidate(dims.length);
  }

  /** Fills {@code c} with grid point {@code index} (0 ≤ index < size). Allocates nothing. */
  public void decode(long index, Candidate c) {
    long rest = index;
    for (int d = dims.length - 1; d >= 0; d--) {
      int radix = dims[d].size();
      dims[d].set(c, d, (int) (rest % radix));
      rest /= radix;
    }
    c.index = index;
  }

  /** The inverse of {@link #decode} for a candidate on the grid. */
  public long encode(Candidate c) {
    long index = 0;
    for (int d = 0; d < dims.length; d++) {
      index = index * dims[d].size() + c.ordinal[d];
    }
    return index;
  }

  /** Sets every dimension from uniform draws in [0, 1). */
  void setUniform(Candidate c, int d, double u) {
    dims[d].setUniform(c, d, u);
  }
}
