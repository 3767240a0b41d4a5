package io.mlsysim.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * --plugins for a command that does not load resolvers through {@link GlobalOptions#factory()}
 * (a study command reading a spec, say): the jars become the thread's context class loader while
 * the command runs, which is where the resolver factory looks, then the previous loader returns.
 */
final class PluginContext {
  private PluginContext() {}

  static <T> T with(URL[] jars, java.util.function.Supplier<T> work) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    URLClassLoader loader = new URLClassLoader(jars, previous);
    t.setContextClassLoader(loader);
    try {
      return work.get();
    } finally {
      t.setContextClassLoader(previous);
      try {
        loader.close();
      } catch (IOException e) { // closing only releases file handles; the work is done
        // nothing to report
      }
    }
  }

  /** The jars named, folders expanded to their *.jar files; a missing path is bad input. */
  static URL[] urls(List<Path> plugins) {
    List<URL> urls = new ArrayList<>();
    for (Path p : plugins) {
      try {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.list(p)) {
            for (Path j : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
              urls.add(j.toUri().toURL());
            }
          }
        } else if (Files.isRegularFile(p)) {
          urls.add(p.toUri().toURL());
        } else {
          throw new IllegalArgumentException(GlobalOptions.PLUGINS + " " + p
              + ": no such file or folder; give a plugin jar or a folder of jars");
        }
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(GlobalOptions.PLUGINS + " " + p + ": " + e.getMessage());
      } catch (IOException e) {
        throw new IllegalArgumentException(GlobalOptions.PLUGINS + " " + p + ": cannot list the folder ("
            + e.getMessage() + ")");
      }
    }
    return urls.toArray(new URL[0]);
  }
}
