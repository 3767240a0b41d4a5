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
 * Watches the stdio lines so that the server ends only when it has answered: a client may write
 * its last requests and close stdin at once, and the SDK stops handling messages as soon as it
 * reads the end of stdin. So the end is held back: the stream reports it only once every request
 * read before it has its response. Counts JSON-RPC requests in and responses out.
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
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          awaitAnswers();
          stdinClosed.countDown();
          return -1;
        }
        seen(buf, off, n);
        return n;
      }

      private void seen(byte[] buf, int off, int n) {
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
  }

  private synchronized void awaitAnswers() throws IOException {
    try {
      while (responses < requests) {
        wait(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while answering the last requests");
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
