package io.mlsysim.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Watches the stdio lines to know when the server may end: a client may write its last requests
 * and close stdin at once, and each request read before the end still gets its answer. Counts
 * JSON-RPC requests in and responses out; notes when stdin closes.
 */
final class RequestLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch stdinClosed = new CountDownLatch(1);
  private long requests;
  private long responses;

  InputStream in(InputStream raw) {
    return new FilterInputStream(raw) {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public int read() throws IOException {
        int b = super.read();
        seen(b < 0 ? null : new byte[] {(byte) b}, 0, b < 0 ? -1 : 1);
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        seen(buf, off, n);
        return n;
      }

      private void seen(byte[] buf, int off, int n) {
        if (n < 0) {
          stdinClosed.countDown();
          return;
        }
        for (int i = off; i < off + n; i++) {
          if (buf[i] == '\n') {
            JsonNode m = parse(line);
            if (m != null && m.has("id") && m.has("method")) {
              count(true);
            }
            line.reset();
          } else {
            line.write(buf[i]);
          }
        }
      }
    };
  }

  OutputStream out(OutputStream raw) {
    return new FilterOutputStream(raw) {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
          JsonNode m = parse(line);
          if (m != null && m.has("id") && (m.has("result") || m.has("error"))) {
            count(false);
          }
          line.reset();
        } else {
          line.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          write(b[i]);
        }
      }
    };
  }

  private synchronized void count(boolean request) {
    if (request) {
      requests++;
    } else {
      responses++;
    }
    notifyAll();
  }

  /** Blocks until stdin is closed and every request read has been answered. */
  void awaitEnd() throws InterruptedException {
    stdinClosed.await();
    synchronized (this) {
      while (responses < requests) {
        wait(1000);
      }
    }
  }

  private static JsonNode parse(ByteArrayOutputStream line) {
    try {
      return JSON.readTree(line.toString(StandardCharsets.UTF_8));
    } catch (IOException e) { // not JSON: the SDK reports it; nothing to count
      return null;
    }
  }
}
