package io.mlsysim.core;

/**
 * A reference to one of the 22 walls of the taxonomy by number. The taxonomy's names and
 * descriptions live elsewhere; the contract only needs the number to say what a resolver covers.
 */
public record WallRef(int number) implements Comparable<WallRef> {
  public static final int FIRST = 1;
  public static final int LAST = 22;

  public WallRef {
    if (number < FIRST || number > LAST) {
      throw new IllegalArgumentException("wall " + number + " does not exist: walls are numbered "
          + FIRST + " to " + LAST);
    }
  }

  @Override
  public int compareTo(WallRef o) {
    return Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return "wall " + number;
  }
}
