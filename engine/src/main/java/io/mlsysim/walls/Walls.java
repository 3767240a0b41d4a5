package io.mlsysim.walls;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The wall taxonomy, loaded once from the engine's resources. */
public final class Walls {
  private static final List<Wall> ALL = load();

  private Walls() {}

  /** All 22 walls in number order. */
  public static List<Wall> all() {
    return ALL;
  }

  /** Wall by number (1–22). */
  public static Wall get(int number) {
    if (number < 1 || number > ALL.size()) {
      throw new IllegalArgumentException("wall: there is no wall " + number + "; walls are numbered 1–" + ALL.size());
    }
    return ALL.get(number - 1);
  }

  /** Walls in a domain: node, data, algorithm, fleet, operations or analysis. */
  public static List<Wall> inDomain(String domain) {
    List<Wall> out = new ArrayList<>();
    for (Wall w : ALL) {
      if (w.domain().equalsIgnoreCase(domain)) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<Wall> load() {
    ObjectMapper m = new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = Walls.class.getResourceAsStream("walls.yaml")) {
      Wall[] walls = m.readValue(in, Wall[].class);
      for (int i = 0; i < walls.length; i++) {
        if (walls[i].number() != i + 1) {
          throw new IllegalStateException("walls.yaml: wall " + walls[i].number() + " is out of order at position " + (i + 1));
        }
      }
      return List.of(walls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
