package io.mlsysim.zoo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlsysim.workloads.Workload;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The zoo's fingerprint: SHA-256 over a canonical JSON of every entry's resolved values (SI
 * doubles, sorted keys). Two zoos that hold the same numbers share a digest however their
 * files spell them ("80 GiB" or "85.899345920 GB").
 */
final class ZooDigest {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      // Workloads are classes, not records: digest them by their canonical field map, also when
      // they are nested inside another entry (a scenario names its workload).
      .addModule(new SimpleModule().addSerializer(Workload.class, new JsonSerializer<Workload>() {
        @Override
        public void serialize(Workload w, JsonGenerator g, SerializerProvider p) throws IOException {
          p.defaultSerializeValue(w.fields(), g);
        }
      }))
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private ZooDigest() {}

  static String of(Zoo zoo) {
    Map<String, Object> all = new TreeMap<>();
    zoo.registries().forEach((kind, registry) -> {
      Map<String, Object> entries = new TreeMap<>();
      for (ZooEntry<?> e : registry.entries()) {
        Object v = e.value();
        entries.put(e.name(), v);
      }
      all.put(kind, entries);
    });
    try {
      byte[] json = CANONICAL.writeValueAsBytes(all);
      return io.mlsysim.text.Sha256.hex(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot digest the zoo", e);
    }
  }

}
