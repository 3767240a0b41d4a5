package io.mlsysim.zoo;

/**
 * An entry and its origin.
 *
 * @param origin "built-in" or the overlay file that defined it
 * @param line the line of its key in that file
 */
public record ZooEntry<T>(String name, T value, String tier, String origin, int line) {

  public boolean isBuiltIn() {
    return origin.startsWith(Zoo.BUILT_IN);
  }
}
