package io.mlsysim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the golden regression cases copied into the test resources. */
public final class GoldenCases {
  /** Classpath location of the copied golden file. */
  public static final String RESOURCE = "/conformance/golden.yaml";

  private GoldenCases() {}

  /**
   * One golden case: either a resolver run with inputs, or a bare formula.
   *
   * @param tolerance relative tolerance for numeric expectations
   */
  public record Case(String id, String resolver, String formula, JsonNode inputs, Map<String, JsonNode> expect,
      double tolerance) {
    public boolean isFormula() {
      return formula != null;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private static List<Case> cached;

  /** Every case, in file order. */
  public static synchronized List<Case> all() {
    if (cached == null) {
      cached = Collections.unmodifiableList(load());
    }
    return cached;
  }

  public static List<Case> formulas() {
    return all().stream().filter(Case::isFormula).toList();
  }

  public static List<Case> resolvers() {
    return all().stream().filter(c -> !c.isFormula()).toList();
  }

  private static List<Case> load() {
    try (InputStream in = GoldenCases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      double defaultTolerance = root.path("tolerance").asDouble(1e-6);
      List<Case> out = new ArrayList<>();
      for (JsonNode c : root.path("cases")) {
        Map<String, JsonNode> expect = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.path("expect").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          expect.put(e.getKey(), e.getValue());
        }
        out.add(new Case(
            c.path("id").asText(),
            c.hasNonNull("resolver") ? c.get("resolver").asText() : null,
            c.hasNonNull("formula") ? c.get("formula").asText() : null,
            c.path("inputs"),
            Collections.unmodifiableMap(expect),
            c.path("tolerance").asDouble(defaultTolerance)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
