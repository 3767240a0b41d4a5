package io.mlsysim.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command of the tree — the engine's and those another module plugs in — the same
 * standard options, so that no command can forget one: {@code -h/--help} and {@code -V/--version}
 * (picocli's standard help mixin), and each global option ({@link GlobalOptions}) the command does
 * not declare itself. A command that declares one (say {@code study run --plugins}) keeps its own.
 */
final class EveryCommand {
  /** Global options added to commands that lack them, by command: the values they were given. */
  private final Map<CommandSpec, GlobalOptions> added = new IdentityHashMap<>();
  private final Map<CommandSpec, List<OptionSpec>> addedOptions = new IdentityHashMap<>();

  private EveryCommand() {}

  static EveryCommand standardize(CommandLine root) {
    EveryCommand e = new EveryCommand();
    e.visit(root, root.getCommandSpec());
    return e;
  }

  private void visit(CommandLine cl, CommandSpec root) {
    CommandSpec spec = cl.getCommandSpec();
    if (!(spec.userObject() instanceof HelpCommand)) {
      spec.mixinStandardHelpOptions(true);
      if (spec != root) {
        spec.versionProvider(root.versionProvider()); // --version anywhere says what the root says
      }
      addMissingGlobals(spec);
    }
    for (CommandLine sub : new ArrayList<>(cl.getSubcommands().values())) {
      if (sub.getParent() == cl) { // aliases list a command twice
        visit(sub, root);
      }
    }
  }

  private void addMissingGlobals(CommandSpec spec) {
    if (ownGlobals(spec) != null) {
      return;
    }
    GlobalOptions holder = new GlobalOptions();
    CommandSpec template = CommandSpec.forAnnotatedObject(holder);
    List<OptionSpec> missing = new ArrayList<>();
    for (OptionSpec o : template.options()) {
      boolean declared = false;
      for (String name : o.names()) {
        declared |= spec.findOption(name) != null;
      }
      if (!declared) {
        missing.add(o);
      }
    }
    if (!missing.isEmpty()) {
      missing.forEach(spec::addOption);
      added.put(spec, holder);
      addedOptions.put(spec, missing);
    }
  }

  /** The command's own {@link GlobalOptions} mixin, or null. */
  private static GlobalOptions ownGlobals(CommandSpec spec) {
    for (CommandSpec m : spec.mixins().values()) {
      if (m.userObject() instanceof GlobalOptions g) {
        return g;
      }
    }
    return null;
  }

  /** The global options as given to {@code spec}: its own mixin, else the ones added to it, else null. */
  GlobalOptions globalsOf(CommandSpec spec) {
    GlobalOptions own = ownGlobals(spec);
    return own != null ? own : added.get(spec);
  }

  /** True when --plugins was added to {@code spec} here: the command itself never reads it. */
  boolean pluginsAddedTo(CommandSpec spec) {
    return addedOptions.getOrDefault(spec, List.of()).stream()
        .anyMatch(o -> List.of(o.names()).contains(GlobalOptions.PLUGINS));
  }
}
