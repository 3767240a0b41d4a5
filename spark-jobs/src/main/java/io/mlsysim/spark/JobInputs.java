package io.mlsysim.spark;

import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the spark-submit job finds its study spec and zoo overlays. In cluster deploy mode the
 * driver runs on some machine of the cluster, so a path on the submitting machine means nothing
 * there: a name with a scheme ({@code hdfs://}, {@code s3a://}, {@code abfss://}, {@code file:})
 * is read through Hadoop's FileSystem, and a bare file name that is not in the driver's working
 * directory is looked up among the files shipped with {@code --files} (Spark lists them in
 * {@code spark.files}; YARN puts them in the working directory, a standalone cluster does not).
 * A plain local path is read as the CLI reads it, with the same messages.
 */
final class JobInputs {
  private JobInputs() {}

  /** The study spec named by {@code arg}. */
  static StudySpec spec(Configuration conf, String arg) {
    String where = locate(arg);
    if (where == null) {
      return StudySpec.read(java.nio.file.Path.of(arg));
    }
    String text = read(conf, new Path(where), "study file", StudySpec.MAX_FILE_BYTES,
        "a study is a few dozen lines, and its text is stored with every run");
    return StudySpec.parse(where, text);
  }

  /**
   * The built-in zoo with the overlays named by MLSYSIM_REGISTRY (paths on the driver) and then
   * by {@code args} (files or folders of *.yaml, on any Hadoop file system), in order.
   */
  static Zoo zoo(Configuration conf, List<String> args) {
    if (args.isEmpty()) {
      return Zoo.current();
    }
    List<Zoo.OverlayText> texts = new ArrayList<>(Zoo.current().overlayTexts());
    for (String arg : args) {
      String where = locate(arg);
      Path p = new Path(where != null ? where : java.nio.file.Path.of(arg).toAbsolutePath().toUri().toString());
      for (Path file : overlayFiles(conf, p, arg)) {
        texts.add(new Zoo.OverlayText(file.toString(), read(conf, file, "overlay file", Zoo.MAX_OVERLAY_BYTES,
            "an overlay holds a few zoo entries, and its text travels with every study run to each executor")));
      }
    }
    return Zoo.withOverlayTexts(texts);
  }

  /**
   * The URI to read {@code arg} through Hadoop, or null when it is a local path the driver sees
   * (or a name nobody shipped: then the local read says the file is missing).
   */
  static String locate(String arg) {
    if (hasScheme(arg)) {
      return arg;
    }
    if (Files.exists(java.nio.file.Path.of(arg)) || arg.contains("/")) {
      return null;
    }
    String shipped = System.getProperty("spark.files", "");
    return Arrays.stream(shipped.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .filter(s -> new Path(s).getName().equals(arg)).findFirst().orElse(null);
  }

  private static boolean hasScheme(String arg) {
    try {
      String scheme = new URI(arg).getScheme();
      return scheme != null && scheme.length() > 1; // one letter is a Windows drive
    } catch (URISyntaxException e) {
      return false; // a local path with characters a URI does not allow
    }
  }

  private static List<Path> overlayFiles(Configuration conf, Path p, String arg) {
    try {
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(p);
      if (!st.isDirectory()) {
        return List.of(p);
      }
      return Arrays.stream(fs.listStatus(p)).filter(FileStatus::isFile).map(FileStatus::getPath)
          .filter(f -> f.getName().endsWith(".yaml") || f.getName().endsWith(".yml"))
          .sorted(Comparator.comparing(Path::getName)).toList();
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("--registry '" + arg + "': overlay file or folder not found; check the path "
          + "(the driver reads it; in cluster deploy mode use hdfs://, s3a://, abfss:// or ship it with --files)");
    } catch (IOException e) {
      throw new IllegalArgumentException("--registry '" + arg + "': cannot read it (" + oneLine(e) + ")");
    }
  }

  /** The file's text through Hadoop, at most {@code limit} bytes, strictly UTF-8. */
  private static String read(Configuration conf, Path p, String what, long limit, String why) {
    byte[] bytes;
    try {
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(p);
      if (st.isDirectory()) {
        throw new IllegalArgumentException(p + ": is a folder, not a " + what + "; name the file itself");
      }
      if (st.getLen() > limit) {
        throw tooLarge(p, what, st.getLen(), limit, why);
      }
      try (InputStream in = fs.open(p)) {
        bytes = in.readNBytes((int) limit + 1);
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException(p + ": no such " + what + "; check the path (the driver reads it)");
    } catch (IOException e) {
      throw new IllegalArgumentException(p + ": cannot read the " + what + " (" + oneLine(e) + ")");
    }
    if (bytes.length > limit) {
      throw tooLarge(p, what, bytes.length, limit, why);
    }
    return io.mlsysim.text.UserFiles.utf8(p.toString(), bytes);
  }

  private static IllegalArgumentException tooLarge(Path p, String what, long size, long limit, String why) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d bytes is too large for a %s (at most %,d: "
        + "%s); name the right file", p, size, what, limit, why));
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
