package io.mlsysim.spark;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;

/**
 * {@code study run --plugins}: plugin jars (or folders of jars) whose resolvers a study's
 * pipeline may name. The driver reads them through a class loader made current while the spec
 * is compiled; the executors receive them as Spark jars (what {@code --jars} does on a cluster),
 * so every executor's task class loader finds the same resolvers by ServiceLoader.
 */
final class PluginJars {
  private final List<Path> jars;

  private PluginJars(List<Path> jars) {
    this.jars = jars;
  }

  /** The jars named, folders expanded to their *.jar files; a missing path is bad input. */
  static PluginJars of(List<Path> paths) {
    List<Path> jars = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
          throw new IllegalArgumentException("--plugins " + p + ": cannot list the folder (" + e.getMessage() + ")");
        }
      } else if (Files.isRegularFile(p)) {
        jars.add(p);
      } else {
        throw new IllegalArgumentException("--plugins " + p + ": no such file or folder; give a plugin jar or a "
            + "folder of jars");
      }
    }
    return new PluginJars(List.copyOf(jars));
  }

  boolean isEmpty() {
    return jars.isEmpty();
  }

  /**
   * Runs {@code work} with a class loader over the jars as the thread's context loader (the one
   * the resolver factory searches), then restores the previous one.
   */
  <T> T onDriver(java.util.function.Supplier<T> work) {
    if (jars.isEmpty()) {
      return work.get();
    }
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--plugins " + jars.get(i) + ": " + e.getMessage());
      }
    }
    t.setContextClassLoader(new URLClassLoader(urls, previous));
    try {
      return work.get();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** Ships the jars to the executors, which add them to their task class loader. */
  void shipTo(SparkContext sc) {
    for (Path j : jars) {
      sc.addJar(j.toAbsolutePath().toUri().toString());
    }
  }
}
