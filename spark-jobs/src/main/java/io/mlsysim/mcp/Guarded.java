package io.mlsysim.mcp;

import io.mlsysim.core.InfeasibleException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Turns whatever a tool throws into a tool error, so a bad unit, an unknown name or an
 * infeasible system is an answer the agent can act on and the server keeps serving. Bad input
 * (the engine's IllegalArgumentExceptions: unknown names with did-you-mean, wrong units, missing
 * inputs) shows its one-line message; anything else is an internal error, traced on stderr.
 */
final class Guarded {
  private Guarded() {}

  static SyncToolSpecification tool(SyncToolSpecification spec) {
    String name = spec.tool().name();
    return new SyncToolSpecification(spec.tool(), (exchange, request) -> {
      try {
        return spec.callHandler().apply(exchange, request);
      } catch (InfeasibleException e) {
        return ToolResults.error("infeasible: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        return ToolResults.error(prefixed(name, e.getMessage()));
      } catch (RuntimeException | Error e) {
        System.err.println("mlsysim mcp: internal error in " + name + ":");
        e.printStackTrace(System.err);
        return errorResult("internal error in " + name + ": " + e + " (the server log on stderr has the trace)");
      }
    });
  }

  private static CallToolResult errorResult(String text) {
    return ToolResults.error(text);
  }

  /** The tool's name in front, unless the message already starts with it. */
  static String prefixed(String tool, String message) {
    String m = message == null ? "invalid input" : message;
    return m.startsWith(tool + ":") ? m : tool + ": " + m;
  }
}
