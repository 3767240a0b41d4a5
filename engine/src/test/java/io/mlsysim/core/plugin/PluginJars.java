package io.mlsysim.core.plugin;

import io.mlsysim.core.Resolver;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars in tests: compiles sources against the engine and jars them. */
public final class PluginJars {
  private PluginJars() {}

  /** The engine's source tree for the seed examples (not on Maven's compile path). */
  public static Path pluginExampleSources() {
    Path engine = engineDir();
    return engine.resolve("src/test/plugin-example");
  }

  /** engine/ in this clone, found from the compiled classes so it works from any working directory. */
  static Path engineDir() {
    try {
      Path classes = Path.of(Resolver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().getParent(); // engine/target/classes → engine
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code files} (relative path → content) under a fresh directory and jars it. */
  static Path jar(Path workDir, String name, Map<String, String> files) throws IOException {
    Path src = Files.createDirectories(workDir.resolve(name + "-src"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = src.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return jar(workDir, name, src);
  }

  /** Compiles every .java under {@code sourceRoot}, copies other files, and writes name.jar. */
  public static Path jar(Path workDir, String name, Path sourceRoot) throws IOException {
    Path classes = Files.createDirectories(workDir.resolve(name + "-classes"));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        if (p.toString().endsWith(".java")) {
          sources.add(p.toString());
        } else {
          Path out = classes.resolve(sourceRoot.relativize(p).toString());
          Files.createDirectories(out.getParent());
          Files.copy(p, out);
        }
      }
    }
    if (!sources.isEmpty()) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
          "-cp", compileClasspath(), "-d", classes.toString()));
      args.addAll(sources);
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int rc = javac.run(null, null, err, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException("plugin " + name + " did not compile:\n" + err);
      }
    }
    Path jar = workDir.resolve(name + ".jar");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The engine's classes and the libraries its public signatures mention (units, JUnit). */
  private static String compileClasspath() {
    Set<String> cp = new LinkedHashSet<>();
    for (Class<?> c : List.of(Resolver.class, javax.measure.Unit.class, tech.units.indriya.AbstractUnit.class)) {
      try {
        cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | NullPointerException e) {
        // fall back to java.class.path below
      }
    }
    cp.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    return String.join(File.pathSeparator, cp);
  }
}
