package io.mlsysim.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command accepts: the engine's commands mix this in, and {@link EveryCommand} adds
 * the ones a plugged-in command lacks. {@link GlobalArgs} moves them to the end of the command line
 * so they may be written anywhere ({@code mlsysim --output json zoo hardware} works too).
 */
final class GlobalOptions {
  static final String OUTPUT = "--output";
  static final String PLUGINS = "--plugins";
  static final String REGISTRY = "--registry";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-o", OUTPUT}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).",
      converter = FormatConverter.class)
  OutputFormat format;

  @Option(names = PLUGINS, paramLabel = "JAR|DIR", split = ":",
      description = "Extension jars (or folders of jars) holding resolvers; repeatable.")
  java.util.List<java.nio.file.Path> plugins = new java.util.ArrayList<>();

  @Option(names = REGISTRY, paramLabel = "FILE|DIR", split = ":",
      description = "Zoo overlay files or folders (as MLSYSIM_REGISTRY); repeatable.")
  java.util.List<java.nio.file.Path> registry = new java.util.ArrayList<>();

  private io.mlsysim.core.plugin.ResolverFactory factory;

  /** Resolvers: built-ins plus --plugins; problems loading a plugin are reported on stderr. */
  io.mlsysim.core.plugin.ResolverFactory factory() {
    if (factory == null) {
      factory = plugins.isEmpty() ? io.mlsysim.core.plugin.ResolverFactory.standard()
          : io.mlsysim.core.plugin.ResolverFactory.withPlugins(plugins);
      factory.report().problems().forEach(p -> err().println("warning: " + p));
    }
    return factory;
  }

  /** Applies --registry before the command reads the zoo. */
  void applyRegistry() {
    if (!registry.isEmpty()) {
      java.util.List<java.nio.file.Path> all = new java.util.ArrayList<>(io.mlsysim.zoo.Zoo.overlaysFromEnvironment());
      all.addAll(registry);
      io.mlsysim.zoo.Zoo.setCurrent(io.mlsysim.zoo.Zoo.withOverlays(all));
    }
  }

  OutputFormat format() {
    return format;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Case-insensitive, with the allowed values in the error. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : OutputFormat.values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not an output format; use text, json or markdown");
    }
  }
}
