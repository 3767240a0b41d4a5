package io.mlsysim.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run of a (study, run id) at a time under a tables root. Two runs publishing the same run
 * id at once would replace each other's files mid-read; the second is refused instead, with one
 * line. The lock is a file {@code _locks/<study>/<run id>.lock} created atomically (exclusive
 * create: {@code O_EXCL} on a local disk, a non-overwriting create on HDFS) and removed when the
 * run ends, successful or not. It names the process that holds it; a lock left by a process
 * that is gone (killed on this machine) is taken over, so a crash does not block a run id for
 * ever. The lock sits beside the tables, not in them: it works whatever table layer writes them.
 */
final class RunLock implements AutoCloseable {
  static final String DIR = "_locks";

  private final FileSystem fs;
  private final Path file;
  private final java.nio.file.Path local;

  private RunLock(FileSystem fs, Path file, java.nio.file.Path local) {
    this.fs = fs;
    this.file = file;
    this.local = local;
  }

  static Path path(String root, String study, String runId) {
    return new Path(new Path(new Path(root, DIR), study), runId + ".lock");
  }

  /** Takes the lock, or refuses with one line when a live run holds it. */
  static RunLock acquire(Configuration conf, String root, String study, String runId) {
    return acquire(conf, root, path(root, study, runId), "run '" + runId + "' of study '" + study + "'",
        "pass another --run-id");
  }

  /** The lock {@code study vacuum} holds while it removes files: no run starts meanwhile, and it waits for none. */
  static RunLock acquireVacuum(Configuration conf, String root) {
    return acquire(conf, root, vacuumPath(root), "a study vacuum", "run it later");
  }

  static Path vacuumPath(String root) {
    return new Path(new Path(root, DIR), "vacuum.lock");
  }

  /** Run locks under the root whose holder may be alive ("study/run id"), sorted. */
  static java.util.List<String> liveRuns(Configuration conf, String root) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try {
      Path dir = new Path(root, DIR);
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return out;
      }
      for (org.apache.hadoop.fs.FileStatus study : fs.listStatus(dir)) {
        if (!study.isDirectory()) {
          continue;
        }
        for (org.apache.hadoop.fs.FileStatus lock : fs.listStatus(study.getPath())) {
          String n = lock.getPath().getName();
          String runId = n.endsWith(".lock") ? n.substring(0, n.length() - ".lock".length()) : null;
          if (runId != null && mayBeHeld(conf, root, study.getPath().getName(), runId)) {
            out.add(study.getPath().getName() + "/" + runId);
          }
        }
      }
    } catch (IOException e) {
      throw new StorageProblem(root + ": cannot list the run locks (" + OutputRoot.oneLine(e) + ")");
    }
    out.sort(null);
    return out;
  }

  private static RunLock acquire(Configuration conf, String root, Path file, String what, String instead) {
    String holder = holder();
    try {
      FileSystem fs = file.getFileSystem(conf);
      boolean local = "file".equals(fs.getUri().getScheme());
      for (int attempt = 0; attempt < 3; attempt++) {
        if (local) {
          java.nio.file.Path p = java.nio.file.Path.of(fs.makeQualified(file).toUri());
          try {
            Files.createDirectories(p.getParent());
            Files.writeString(Files.createFile(p), holder, StandardCharsets.UTF_8); // createFile is O_EXCL
            return new RunLock(fs, file, p);
          } catch (FileAlreadyExistsException e) {
            refuseOrTakeOver(fs, file, root, what, instead);
          } catch (NoSuchFileException e) {
            continue; // another run's release removed the folder between the two calls: try again
          }
        } else {
          try (OutputStream out = fs.create(file, false)) {
            out.write(holder.getBytes(StandardCharsets.UTF_8));
            return new RunLock(fs, file, null);
          } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            refuseOrTakeOver(fs, file, root, what, instead);
          }
        }
      }
      throw new IOException("the lock file kept changing under " + file.getParent());
    } catch (IOException e) {
      throw new StorageProblem(root + ": cannot take the run lock " + file + " (" + OutputRoot.oneLine(e)
          + "); check that the folder is writable");
    }
  }

  /** Refuses when the holder may be alive; removes the lock of a process on this machine that is gone. */
  private static void refuseOrTakeOver(FileSystem fs, Path file, String root, String what, String instead)
      throws IOException {
    String text;
    try (var in = fs.open(file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (java.io.FileNotFoundException e) {
      return; // released meanwhile: try again
    }
    String[] f = text.split(" ");
    if (holderIsGone(f)) {
      fs.delete(file, false); // its process is gone: a crashed run, not a running one
      return;
    }
    throw new IllegalArgumentException(what + " is already running under "
        + root + (f.length >= 3 ? " (process " + f[0] + " on " + f[1] + ", since " + f[2] + ")" : "")
        + "; wait for it to finish or " + instead + " (if no such process is alive, delete " + file + ")");
  }

  /**
   * True when a run may be going on under this (study, run id): its lock exists and names a process
   * that is alive, or one on another machine (which cannot be checked from here).
   */
  static boolean mayBeHeld(Configuration conf, String root, String study, String runId) {
    return mayBeHeld(conf, path(root, study, runId));
  }

  static boolean mayBeHeld(Configuration conf, Path file) {
    try (var in = file.getFileSystem(conf).open(file)) {
      return !holderIsGone(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(" "));
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      return true; // cannot tell: leave the run alone
    }
  }

  /** The lock's holder ("pid host started-at") is a process on this machine that no longer exists. */
  private static boolean holderIsGone(String[] f) {
    return f.length >= 3 && f[1].equals(host()) && isLong(f[0])
        && ProcessHandle.of(Long.parseLong(f[0])).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE;
  }

  private static boolean isLong(String s) {
    return s.matches("\\d{1,18}");
  }

  /** "pid host started-at": who holds the lock, for the refusal and the stale check. */
  private static String holder() {
    return ProcessHandle.current().pid() + " " + host() + " " + Instant.now();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace(' ', '_');
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /** Releases the lock and removes the lock folders it leaves empty. */
  @Override
  public void close() {
    try {
      if (local != null) {
        Files.deleteIfExists(local);
      } else {
        fs.delete(file, false);
      }
      for (Path dir = file.getParent(); dir != null && dir.getName().length() > 0; dir = dir.getParent()) {
        boolean locks = dir.getName().equals(DIR);
        if (!fs.exists(dir) || fs.listStatus(dir).length > 0 || !fs.delete(dir, false) || locks) {
          break;
        }
      }
    } catch (IOException e) {
      // a lock left behind is taken over by the next run on this machine; nothing to report here
    }
  }
}
