package io.mlsysim.spark;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real plugin jar for study tests: the engine's example PowerEfficiencyModel (FLOP/s per watt
 * of TDP), compiled against the engine and jarred with its ServiceLoader file. It is not on any
 * class path: a study sees it only through {@code --plugins} or Spark's {@code --jars}.
 */
final class TestPluginJar {
  static final String RESOLVER = "PowerEfficiencyModel";

  private TestPluginJar() {}

  static Path build(Path workDir) throws IOException {
    Path project = Path.of("..").toAbsolutePath().normalize();
    Path source = project.resolve("engine/src/test/plugin-example/org/example/mlsysim/PowerEfficiencyModel.java");
    Path classes = Files.createDirectories(workDir.resolve("plugin-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, null, err, "--release", "17", "-proc:none", "-nowarn", "-cp",
        System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
    if (rc != 0) {
      throw new IllegalStateException("the plugin did not compile:\n" + err);
    }
    Path services = classes.resolve("META-INF/services/io.mlsysim.core.Resolver");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "org.example.mlsysim.PowerEfficiencyModel\n");
    Path jar = workDir.resolve("power-efficiency-plugin.jar");
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

  /** A study of the plugin beside a built-in: FLOP/s per watt and roofline latency of ResNet-50. */
  static String spec(String name) {
    return String.join("\n", List.of(
        "name: " + name,
        "pipeline: [" + RESOLVER + ", SingleNodeModel]",
        "fixed:",
        "  workload: ResNet50",
        "space:",
        "  hardware: [H100, A100, T4]",
        "objectives:",
        "  - minimize: latency_s",
        "")) ;
  }
}
