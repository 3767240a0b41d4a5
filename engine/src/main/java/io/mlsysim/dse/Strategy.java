package io.mlsysim.dse;

import java.io.Serializable;

/**
 * How a study picks candidates. Index strategies (grid, random, Latin hypercube) define a
 * stream of {@link #count()} candidates that any worker can produce from the index alone, so a
 * driver hands out index ranges and never holds candidates. Evolutionary strategies
 * ({@link Nsga2Strategy}) instead propose one generation at a time.
 */
public interface Strategy extends Serializable {
  /** grid, random, latin_hypercube or nsga2. */
  String kind();

  /** Candidates in the stream. */
  long count();

  /** Fills {@code c} with candidate {@code index} of the stream; pure and allocation-free. */
  void fill(long index, Candidate c);

  /** The seed (0 for the grid, which needs none). */
  long seed();

  /** A grid over every combination, in mixed-radix order. */
  static Strategy grid(SearchSpace space) {
    return new Grid(space);
  }

  /** {@code n} independent uniform draws; candidate i depends only on (seed, i). */
  static Strategy random(SearchSpace space, long n, long seed) {
    return new Random(space, n, seed);
  }

  /**
   * A Latin hypercube of {@code n} samples: along every dimension the n samples fall in n
   * different strata. Stratum of sample i in dimension d is a seeded pseudo-random permutation
   * of [0, n) evaluated at i (a Feistel network), so no permutation is ever stored.
   */
  static Strategy latinHypercube(SearchSpace space, long n, long seed) {
    return new LatinHypercube(space, n, seed);
  }

  /** Grid order. */
  final class Grid implements Strategy {
    private static final long serialVersionUID = 1L;
    private final SearchSpace space;

    Grid(SearchSpace space) {
      this.space = space;
    }

    @Override
    public String kind() {
      return "grid";
    }

    @Override
    public long count() {
      return space.size();
    }

    @Override
    public void fill(long index, Candidate c) {
      space.decode(index, c);
    }

    @Override
    public long seed() {
      return 0;
    }
  }

  /** Uniform random sampling. */
  final class Random implements Strategy {
    private static final long serialVersionUID = 1L;
    private final SearchSpace space;
    private final long n;
    private final long seed;

    Random(SearchSpace space, long n, long seed) {
      this.space = space;
      this.n = n;
      this.seed = seed;
    }

    @Override
    public String kind() {
      return "random";
    }

    @Override
    public long count() {
      return n;
    }

    @Override
    public void fill(long index, Candidate c) {
      long state = CandidateIds.mix(seed ^ CandidateIds.mix(index + 0x632BE59BD9B4E019L));
      for (int d = 0; d < space.count(); d++) {
        state += 0x9E3779B97F4A7C15L;
        space.setUniform(c, d, (CandidateIds.mix(state) >>> 11) * 0x1.0p-53);
      }
      c.index = index;
    }

    @Override
    public long seed() {
      return seed;
    }
  }

  /** Latin hypercube sampling. */
  final class LatinHypercube implements Strategy {
    private static final long serialVersionUID = 1L;
    private final SearchSpace space;
    private final long n;
    private final long seed;
    private final int halfBits;

    LatinHypercube(SearchSpace space, long n, long seed) {
      this.space = space;
      this.n = n;
      this.seed = seed;
      int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
      this.halfBits = Math.max(1, (bits + 1) / 2);
    }

    @Override
    public String kind() {
      return "latin_hypercube";
    }

    @Override
    public long count() {
      return n;
    }

    @Override
    public void fill(long index, Candidate c) {
      for (int d = 0; d < space.count(); d++) {
        long key = CandidateIds.mix(seed * 0x9E3779B97F4A7C15L + d + 1);
        long stratum = permute(index, key);
        double jitter = (CandidateIds.mix(key ^ CandidateIds.mix(index)) >>> 11) * 0x1.0p-53;
        space.setUniform(c, d, (stratum + jitter) / n);
      }
      c.index = index;
    }

    /** A bijection of [0, n): a 4-round Feistel network on 2·halfBits bits, cycle-walking into range. */
    long permute(long x, long key) {
      long mask = (1L << halfBits) - 1;
      long v = x;
      do {
        long l = v >>> halfBits;
        long r = v & mask;
        for (int round = 0; round < 4; round++) {
          long f = CandidateIds.mix(r ^ key ^ (round * 0xD6E8FEB86659FD93L)) & mask;
          long t = r;
          r = l ^ f;
          l = t;
        }
        v = (l << halfBits) | r;
      } while (v >= n);
      return v;
    }

    @Override
    public long seed() {
      return seed;
    }
  }
}
