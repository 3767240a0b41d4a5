package io.mlsysim.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * How every tool answers: a success carries its data both as structured content and as the same
 * JSON in a text block (many clients only read text); a failure is a tool error whose one line
 * says what is wrong and how to fix it, so the agent can correct itself and the server stays up.
 */
final class ToolResults {
  /** Plain JSON: what the text block shows and what resources hold. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ToolResults() {}

  static CallToolResult ok(Map<String, Object> data) {
    return CallToolResult.builder().addTextContent(json(data)).structuredContent(data).isError(false).build();
  }

  /** An error result; {@code data} (may be null) keeps what was computed, e.g. an infeasible result. */
  static CallToolResult error(String message, Map<String, Object> data) {
    CallToolResult.Builder b = CallToolResult.builder().addTextContent(message).isError(true);
    if (data != null) {
      b.addTextContent(json(data)).structuredContent(data);
    }
    return b.build();
  }

  static CallToolResult error(String message) {
    return error(message, null);
  }

  static String json(Object data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
