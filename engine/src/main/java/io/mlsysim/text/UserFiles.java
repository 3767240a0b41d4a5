package io.mlsysim.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file a person wrote (a study, an overlay) as text: at most a stated number of bytes,
 * strictly UTF-8. A file that is too large is refused before it is read (a 50 MB file would
 * otherwise be parsed for minutes), and a byte that is not UTF-8 is reported with its offset
 * instead of being replaced or turned into a decoder's "Input length = 1". Every refusal is an
 * {@link IllegalArgumentException} whose one-line message starts with the file.
 */
public final class UserFiles {
  private UserFiles() {}

  /**
   * The file's text.
   *
   * @param what what the file is, for messages ("study file", "overlay file")
   * @param limitBytes the largest size accepted
   * @param why why the limit exists, said in the refusal
   */
  public static String read(Path file, String what, long limitBytes, String why) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(file + ": is a folder, not a " + what + "; name the file itself");
      }
      long size = Files.size(file);
      if (size > limitBytes) {
        throw tooLarge(file, what, size, limitBytes, why);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) limitBytes + 1); // the file may grow between size() and now
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such " + what + "; check the path");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(file + ": cannot read the " + what + " (permission denied)");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the " + what + " (" + e.getMessage() + ")");
    }
    if (bytes.length > limitBytes) {
      throw tooLarge(file, what, bytes.length, limitBytes, why);
    }
    return utf8(file.toString(), bytes);
  }

  /** Decodes strictly; the refusal says "not UTF-8" with the byte offset and line of the first bad byte. */
  public static String utf8(String origin, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new IllegalArgumentException(origin + ":" + line + ": not UTF-8: byte 0x"
          + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + " at byte offset " + offset
          + " is not valid UTF-8 text; save the file as UTF-8");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is not content
  }

  private static IllegalArgumentException tooLarge(Path file, String what, long size, long limit, String why) {
    return new IllegalArgumentException(file + ": the " + what + " is " + String.format(Locale.ROOT, "%,d", size)
        + " bytes; a " + what + " may be at most " + String.format(Locale.ROOT, "%,d", limit) + " bytes (" + why
        + "); is this the right file?");
  }
}
