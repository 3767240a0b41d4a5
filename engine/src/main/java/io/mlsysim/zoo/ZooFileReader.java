package io.mlsysim.zoo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one zoo file: {@code kind}, optional {@code tier}, and {@code entries} (name → spec).
 * Strict: unknown fields and duplicate keys are errors that carry the file and line.
 */
final class ZooFileReader {

  /** The parsed file: specs by entry name, and the line of each name. */
  record ZooFile(String origin, ZooKind kind, String tier, Map<String, Object> entries,
      Map<String, Integer> lines) {}

  private static final ObjectMapper YAML = io.mlsysim.yaml.StrictYaml.mapper();

  private ZooFileReader() {}

  static ZooFile read(String origin, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ZooException(where(origin, e.getLocation()) + cleanMessage(e));
    }
    if (root == null || !root.isObject()) {
      throw new ZooException(origin + ": a zoo file is a mapping with 'kind' and 'entries'");
    }
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("kind") && !f.equals("tier") && !f.equals("entries")) {
        throw new ZooException(origin + ": unknown top-level field '" + f + "'; a zoo file has kind, tier and entries");
      }
    }
    ZooKind kind = ZooKind.parse(origin, root.path("kind").asText(null));
    String tier = root.path("tier").asText(kind.defaultTier());
    if (!root.has("entries") || !root.get("entries").isObject()) {
      throw new ZooException(origin + ": 'entries' must be a mapping of name to entry");
    }
    Map<String, Integer> lines = entryLines(origin, text);
    JavaType type = YAML.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, kind.specClass());
    Map<String, Object> entries;
    try (JsonParser p = YAML.createParser(text)) {
      entries = YAML.readValue(subParser(p), type);
    } catch (UnrecognizedPropertyException e) {
      throw new ZooException(where(origin, e.getLocation()) + kind.id() + " entry: "
          + io.mlsysim.yaml.StrictYaml.unknownField(e));
    } catch (JsonProcessingException e) {
      throw new ZooException(where(origin, e.getLocation()) + cleanMessage(e));
    } catch (IOException e) {
      throw new ZooException(origin + ": " + e.getMessage(), e);
    }
    return new ZooFile(origin, kind, tier, entries, lines);
  }

  /** Positions the parser on the value of the top-level 'entries' field. */
  private static JsonParser subParser(JsonParser p) throws IOException {
    p.nextToken();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("entries")) {
        return p;
      }
      p.skipChildren();
    }
    throw new IOException("no entries");
  }

  private static Map<String, Integer> entryLines(String origin, String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonParser entries = subParser(p);
      while (entries.nextToken() == JsonToken.FIELD_NAME) {
        lines.put(entries.currentName(), entries.currentTokenLocation().getLineNr());
        entries.nextToken();
        entries.skipChildren();
      }
    } catch (IOException e) {
      throw new ZooException(origin + ": " + e.getMessage(), e);
    }
    return lines;
  }

  static String where(String origin, JsonLocation loc) {
    return io.mlsysim.yaml.StrictYaml.where(origin, loc);
  }

  static String cleanMessage(JsonProcessingException e) {
    String full = io.mlsysim.yaml.StrictYaml.message("", e);
    return full.substring(full.indexOf(": ") + 2);
  }
}
