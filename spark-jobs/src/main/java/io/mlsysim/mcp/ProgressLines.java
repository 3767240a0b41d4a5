package io.mlsysim.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.io.Writer;

/**
 * The study runner's progress lines, each sent to the client as a {@code notifications/progress}
 * message (when the call asked for progress with a token) and copied to stderr for the log.
 */
final class ProgressLines extends Writer {
  private final McpSyncServerExchange exchange;
  private final Object token;
  private final StringBuilder line = new StringBuilder();
  private int sent;

  ProgressLines(McpSyncServerExchange exchange, Object token) {
    this.exchange = exchange;
    this.token = token;
  }

  /** Sends one message now (the start and the end of a run, besides the runner's own lines). */
  synchronized void send(String message) {
    System.err.println("mlsysim mcp: " + message);
    if (token != null && exchange != null) {
      sent++;
      exchange.progressNotification(new ProgressNotification(token, (double) sent, null, message, null));
    }
  }

  int sent() {
    return sent;
  }

  @Override
  public synchronized void write(char[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n' || c == '\r') {
        if (line.length() > 0) {
          send(line.toString());
          line.setLength(0);
        }
      } else {
        line.append(c);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      send(line.toString());
      line.setLength(0);
    }
  }
}
