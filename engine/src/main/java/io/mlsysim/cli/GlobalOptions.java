package io.mlsysim.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command accepts. {@link Cli} moves them to the end of the command line so they
 * may be written anywhere ({@code mlsysim --output json zoo hardware} works too).
 */
final class GlobalOptions {
  static final String OUTPUT = "--output";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-o", OUTPUT}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).",
      converter = FormatConverter.class)
  OutputFormat format;

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
