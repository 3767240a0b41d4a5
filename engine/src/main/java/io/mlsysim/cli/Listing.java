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
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
