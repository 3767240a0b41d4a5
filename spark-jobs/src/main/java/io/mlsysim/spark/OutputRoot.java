package io.mlsysim.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Checks a tables root before Spark starts, so that a root Spark could not write is one line
 * naming the path and the fix instead of a failed job and a stack trace: a URI scheme without a
 * filesystem connector, a file where a folder is needed, a folder this user cannot write.
 * Checking means writing: the root is created if missing (the run would create it anyway) and
 * a probe file is written and removed; a root the check itself created is removed if the check
 * fails, so a refused run leaves nothing behind.
 */
final class OutputRoot {
  private OutputRoot() {}

  /** Refuses with {@link StorageProblem} when the root cannot hold study tables. */
  static void check(Configuration conf, String root) {
    Path path;
    FileSystem fs;
    try {
      path = new Path(root);
      fs = path.getFileSystem(conf);
    } catch (UnsupportedFileSystemException e) { // no class is configured for the scheme
      throw noConnector(root, "");
    } catch (RuntimeException e) { // a class is configured (s3a, gs …) but its jar is not on the class path
      if (e.getCause() instanceof ClassNotFoundException c) {
        throw noConnector(root, " (" + oneLine(c).replaceFirst("^Class ", "") + ")");
      }
      if (!(e instanceof IllegalArgumentException)) {
        throw e;
      }
      throw new StorageProblem(root + ": not a usable tables root (" + oneLine(e) + "); pass --out a folder path");
    } catch (IOException e) {
      throw new StorageProblem(root + ": not a usable tables root (" + oneLine(e) + "); pass --out a folder path");
    } catch (LinkageError e) { // the connector is there, a jar it needs is not (e.g. hadoop-aws without the AWS SDK)
      String scheme = new Path(root).toUri().getScheme();
      throw new StorageProblem(root + ": the file system connector for '" + scheme + "' is on the class path but "
          + "a class it needs is not (" + oneLine(e).replace('/', '.') + "); add the jar that holds it to MLSYSIM_JARS"
          + " (docs/object-stores.md lists what each connector needs)");
    }
    Path existing = path;
    FileStatus status = null;
    while (existing != null && status == null) {
      try {
        status = fs.getFileStatus(existing);
      } catch (FileNotFoundException e) {
        existing = existing.getParent();
      } catch (IOException e) {
        throw new StorageProblem(root + ": cannot look at " + existing + " (" + oneLine(e) + ")");
      }
    }
    if (status != null && !status.isDirectory()) {
      throw new StorageProblem(existing.equals(path)
          ? root + ": is a file, not a folder; pass --out a folder (new, or one that holds study tables)"
          : root + ": " + existing + " is a file, so no folder can be created under it; pass --out another folder");
    }
    boolean created = status == null || !existing.equals(path);
    Path probe = new Path(path, ".mlsysim-write-check-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      if (created && !fs.mkdirs(path)) {
        throw new IOException("cannot create the folder");
      }
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException | RuntimeException e) {
      try {
        if (created) {
          fs.delete(path, true);
        }
      } catch (IOException ignored) {
        // the refusal below is what matters
      }
      throw new StorageProblem(root + ": cannot write there (" + oneLine(e) + "); choose a folder you can write, "
          + "or fix its permissions");
    }
  }

  private static StorageProblem noConnector(String root, String detail) {
    String scheme = new Path(root).toUri().getScheme();
    return new StorageProblem(root + ": no file system connector for the scheme '" + scheme + "' on the class path"
        + detail + "; write to a local folder or HDFS, or " + connector(scheme));
  }

  /**
   * What to add for a scheme: the connector's Maven artifact at the Hadoop version Spark runs
   * (connectors must match it), put on the class path with MLSYSIM_JARS.
   */
  static String connector(String scheme) {
    String hadoop = org.apache.hadoop.util.VersionInfo.getVersion();
    String artifact = switch (scheme == null ? "" : scheme) {
      case "s3a", "s3", "s3n" -> "org.apache.hadoop:hadoop-aws:" + hadoop + " with its AWS SDK bundle";
      case "gs" -> "com.google.cloud.bigdataoss:gcs-connector (the hadoop3 shaded jar)";
      case "abfs", "abfss", "wasb", "wasbs" -> "org.apache.hadoop:hadoop-azure:" + hadoop;
      default -> null;
    };
    return artifact == null ? "add the jar of a Hadoop FileSystem for it to MLSYSIM_JARS"
        : "add " + artifact + " to MLSYSIM_JARS (docs/object-stores.md)";
  }

  /** The first line of a throwable's message, without a class name prefix when there is a message. */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf('\n');
    return (cut > 0 ? m.substring(0, cut) : m).trim();
  }
}
