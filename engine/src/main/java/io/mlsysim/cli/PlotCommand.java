package io.mlsysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlsysim plot …}: pictures. This class and its subcommands refer to the chart package
 * only inside {@code call()}, through methods that take and return JDK types, so building the
 * command line (which every command does) loads neither AWT nor the chart library.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Draws charts as PNG or SVG (the format comes from --to's extension).",
    subcommands = {PlotCommand.Roofline.class})
final class PlotCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }

  @Command(name = "roofline", mixinStandardHelpOptions = true,
      description = {"Rooflines of accelerators, ridge points marked, with workloads placed at their arithmetic "
          + "intensity and the rate they attain (inference, as 'mlsysim eval' computes it).",
          "Example: mlsysim plot roofline H100 B200 --workload Llama3_8B --workload ResNet50 --to r.png"})
  static final class Roofline implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(index = "0", arity = "1..*", paramLabel = "HARDWARE", description = "Accelerators, e.g. H100 B200.")
    List<String> hardware = new ArrayList<>();

    @Option(names = {"--workload", "-w"}, paramLabel = "W", description = "A workload to place; repeatable.")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--precision", defaultValue = "fp16", description = "fp32, tf32, bf16, fp16, fp8, int8, int4 "
        + "(default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = {"--batch", "--batch-size"}, defaultValue = "1", description = "Batch of the workloads "
        + "(default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--efficiency", defaultValue = "0.5", description = "Achieved fraction of peak, in (0, 1] "
        + "(default: ${DEFAULT-VALUE}).")
    double efficiency;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The picture to write: FILE.png or FILE.svg.")
    Path to;

    @Override
    public Integer call() {
      List<String> series = io.mlsysim.charts.Plots.roofline(hardware, workloads, precision, batch, efficiency, to);
      global.out().println("wrote " + to + ": " + series.size() + " series (" + String.join(", ", series) + ")");
      return ExitCode.OK;
    }
  }
}
