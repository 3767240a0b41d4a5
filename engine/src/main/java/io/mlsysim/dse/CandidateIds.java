package io.mlsysim.dse;

/**
 * Stable 64-bit candidate ids: the same decision values give the same id in every run, on
 * every executor, whatever strategy produced them and in whatever order the spec lists its
 * dimensions. Values are hashed by their canonical form (a zoo name, or an integral number
 * hashed as a long, a real by its IEEE bits), dimensions are combined order-independently.
 */
public final class CandidateIds {
  private CandidateIds() {}

  /** The id of a candidate of {@code space}. Allocates nothing. */
  public static long of(SearchSpace space, Candidate c) {
    long h = 0x6d6c737973696dL;
    Dimension[] dims = space.dimensionArray();
    for (int d = 0; d < dims.length; d++) {
      h += dims[d].valueHash(c, d); // commutative: the order of dimensions does not matter
    }
    return mix(h);
  }

  /** FNV-1a 64 over bytes, finished with {@link #mix}. */
  public static long hash(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** Hash of a number: integral values as longs (so 4 and 4.0 agree), others by their bits. */
  public static long numberHash(double v) {
    long bits = v == Math.rint(v) && Math.abs(v) < 0x1p62 ? (long) v : Double.doubleToLongBits(v);
    return mix(bits ^ 0x9E3779B97F4A7C15L);
  }

  /** The SplitMix64 finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
