package io.mlsysim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a list of zoo entries through its columns as a table, Markdown or a JSON array. */
final class Listing<T> {
  /** CLI JSON: indented; zoo entries inside results are written by name, dates as ISO text. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .registerModule(byName());

  private static com.fasterxml.jackson.databind.module.SimpleModule byName() {
    com.fasterxml.jackson.databind.module.SimpleModule m = new com.fasterxml.jackson.databind.module.SimpleModule();
    m.addSerializer(io.mlsysim.hardware.HardwareNode.class, new NameSerializer<>(io.mlsysim.hardware.HardwareNode::name));
    m.addSerializer(io.mlsysim.workloads.Workload.class, new NameSerializer<>(io.mlsysim.workloads.Workload::name));
    m.addSerializer(io.mlsysim.systems.Fleet.class, new NameSerializer<>(io.mlsysim.systems.Fleet::name));
    m.addSerializer(io.mlsysim.systems.Node.class, new NameSerializer<>(io.mlsysim.systems.Node::name));
    m.addSerializer(io.mlsysim.systems.Fabric.class, new NameSerializer<>(io.mlsysim.systems.Fabric::name));
    m.addSerializer(io.mlsysim.infrastructure.GridProfile.class,
        new NameSerializer<>(io.mlsysim.infrastructure.GridProfile::name));
    return m;
  }

  /** Writes an object as its name. */
  private static final class NameSerializer<T> extends com.fasterxml.jackson.databind.ser.std.StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient java.util.function.Function<T, String> name;

    @SuppressWarnings("unchecked")
    NameSerializer(java.util.function.Function<T, String> name) {
      super((Class<T>) (Class<?>) Object.class);
      this.name = name;
    }

    @Override
    public void serialize(T value, com.fasterxml.jackson.core.JsonGenerator gen,
        com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
      gen.writeString(name.apply(value));
    }
  }

  private final List<Column<T>> columns;

  Listing(List<Column<T>> columns) {
    this.columns = columns;
  }

  String render(List<T> entries, OutputFormat format) {
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (T e : entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<T> c : columns) {
          m.put(c.jsonName(), c.json().apply(e));
        }
        out.add(m);
      }
      try {
        return JSON.writeValueAsString(out) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> headers = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    for (Column<T> c : columns) {
      headers.add(c.header());
      right.add(c.numeric());
    }
    TextTable table = new TextTable(headers, right);
    for (T e : entries) {
      List<String> row = new ArrayList<>();
      for (Column<T> c : columns) {
        row.add(c.text().apply(e));
      }
      table.add(row);
    }
    return table.render(format);
  }
}
