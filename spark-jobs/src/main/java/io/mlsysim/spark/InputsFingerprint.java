package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.zoo.Zoo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code inputs_fingerprint} of a run: SHA-256 over everything that decides its tables, so
 * two runs with the same fingerprint compute the same rows. The parts are exactly the runs row's
 * {@code spec_sha256}, {@code zoo_digest}, {@code engine_version}, {@code resolvers},
 * {@code strategy} and {@code seed}. Where and when a run happened (commit, Spark master,
 * partitions, timestamps) is left out on purpose: it changes nothing in the results.
 */
public final class InputsFingerprint {
  /** Names the canonical form; a new form gets a new tag, so old and new never compare equal. */
  static final String FORM = "mlsysim-inputs-v1";

  private InputsFingerprint() {}

  /** The fingerprint of a compiled study against a zoo, on this engine. */
  public static String of(StudyPlan plan, Zoo zoo) {
    return of(plan.specSha256(), zoo.digest(), BuildInfo.version(), resolvers(plan), plan.strategyKind(), seed(plan));
  }

  /**
   * SHA-256 (lower-case hex) of the UTF-8 text {@code mlsysim-inputs-v1\n} followed by one line
   * {@code key=<length>:<value>\n} per part, in the order of the parameters. The length prefix
   * keeps the encoding unambiguous whatever a value contains.
   */
  public static String of(String specSha256, String zooDigest, String engineVersion, String resolvers,
      String strategy, long seed) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("spec_sha256", specSha256);
    parts.put("zoo_digest", zooDigest);
    parts.put("engine_version", engineVersion);
    parts.put("resolvers", resolvers);
    parts.put("strategy", strategy);
    parts.put("seed", Long.toString(seed));
    StringBuilder text = new StringBuilder(FORM).append('\n');
    for (Map.Entry<String, String> p : parts.entrySet()) {
      String v = p.getValue() == null ? "" : p.getValue();
      text.append(p.getKey()).append('=').append(v.length()).append(':').append(v).append('\n');
    }
    return io.mlsysim.text.Sha256.hex(text.toString());
  }

  /** The runs row's {@code resolvers}: the study pipeline's name and version. */
  static String resolvers(StudyPlan plan) {
    return plan.evaluatorName() + "@" + plan.evaluatorVersion();
  }

  /** The runs row's {@code seed}: the strategy's seed (0 for a grid). */
  static long seed(StudyPlan plan) {
    return plan.strategy() == null ? plan.strategySpec().seed() : plan.strategy().seed();
  }
}
