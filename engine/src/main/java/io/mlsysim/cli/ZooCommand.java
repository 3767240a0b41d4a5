package io.mlsysim.cli;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.Fleet;
import io.mlsysim.walls.Wall;
import io.mlsysim.walls.Walls;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Registry;
import io.mlsysim.zoo.Zoo;
import io.mlsysim.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlsysim zoo <kind>}: list the registry. */
@Command(name = "zoo", description = "List the zoo: hardware, workloads, systems, grids, scenarios, walls.",
    subcommands = {ZooCommand.HardwareList.class, ZooCommand.WorkloadList.class, ZooCommand.SystemList.class,
        ZooCommand.GridList.class, ZooCommand.ScenarioList.class, ZooCommand.WallList.class,
        ZooCommand.ResolverList.class})
final class ZooCommand implements java.util.concurrent.Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec usageSpec;

  /** Without a subcommand there is nothing to do: show what there is, and fail like a usage error. */
  @Override
  public Integer call() {
    usageSpec.commandLine().usage(usageSpec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }


  /** Options every listing shares. */
  static final class Filters {
    @Option(names = "--tier", paramLabel = "TIER", description = "Only entries of this tier (e.g. cloud, edge, language).")
    String tier;

    @Option(names = "--name", paramLabel = "PATTERN", description = "Only names matching this glob, any case (e.g. 'H*', '*70B').")
    String name;

    <T> List<T> apply(Registry<T> registry) {
      if (tier != null && registry.tiers().stream().noneMatch(t -> t.equalsIgnoreCase(tier))) {
        throw new IllegalArgumentException("--tier: no " + registry.kind() + " tier '" + tier + "'; tiers are "
            + String.join(", ", registry.tiers()));
      }
      Pattern p = name == null ? null : glob(name);
      List<T> out = new ArrayList<>();
      for (ZooEntry<T> e : registry.entries()) {
        if ((tier == null || e.tier().equalsIgnoreCase(tier)) && (p == null || p.matcher(e.name()).matches())) {
          out.add(e.value());
        }
      }
      return out;
    }

    private static Pattern glob(String g) {
      StringBuilder re = new StringBuilder();
      for (char c : g.toCharArray()) {
        re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
  }

  /** Shared body: filter, render, print. */
  abstract static class ListCommand<T> implements Callable<Integer> {
    @Mixin Filters filters;
    @Mixin GlobalOptions global;

    private final java.util.function.Function<Zoo, Registry<T>> registry;
    private final List<Column<T>> columns;

    ListCommand(java.util.function.Function<Zoo, Registry<T>> registry, List<Column<T>> columns) {
      this.registry = registry;
      this.columns = columns;
    }

    @Override
    public Integer call() {
      List<T> entries = filters.apply(registry.apply(Zoo.current()));
      global.out().print(new Listing<>(columns).render(entries, global.format()));
      global.out().flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "hardware", description = "Accelerators and devices: peak, memory, bandwidth, TDP, cost.")
  static final class HardwareList extends ListCommand<HardwareNode> {
    HardwareList() {
      super(Zoo::hardware, ZooColumns.HARDWARE);
    }
  }

  @Command(name = "workloads", description = "Models: family, parameters, inference work, shape.")
  static final class WorkloadList extends ListCommand<Workload> {
    WorkloadList() {
      super(Zoo::workloads, ZooColumns.WORKLOADS);
    }
  }

  @Command(name = "systems", description = "Clusters: nodes, accelerators, fabric.")
  static final class SystemList extends ListCommand<Fleet> {
    SystemList() {
      super(Zoo::fleets, ZooColumns.FLEETS);
    }
  }

  @Command(name = "grids", description = "Electricity grids: carbon intensity, PUE, water.")
  static final class GridList extends ListCommand<GridProfile> {
    GridList() {
      super(Zoo::grids, ZooColumns.GRIDS);
    }
  }

  @Command(name = "walls", description = "The 22 walls: constraint, resolver, equation.")
  static final class WallList implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "node, data, algorithm, fleet, operations or analysis.")
    String domain;

    @Override
    public Integer call() {
      List<Wall> walls = domain == null ? Walls.all() : Walls.inDomain(domain);
      if (walls.isEmpty()) {
        throw new IllegalArgumentException("--domain: no domain '" + domain
            + "'; use node, data, algorithm, fleet, operations or analysis");
      }
      global.out().print(new Listing<>(ZooColumns.WALLS).render(walls, global.format()));
      global.out().flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "resolvers", description = "Models, solvers and optimizers: built-ins and plugins.")
  static final class ResolverList implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Option(names = "--tier", paramLabel = "TIER", description = "model, solver or optimizer.")
    String tier;

    @Override
    public Integer call() {
      List<io.mlsysim.core.plugin.ResolverInfo> infos = new ArrayList<>();
      for (io.mlsysim.core.plugin.ResolverInfo i : global.factory().infos()) {
        if (tier == null || i.schema().tier().id().equalsIgnoreCase(tier)) {
          infos.add(i);
        }
      }
      if (tier != null && infos.isEmpty() && java.util.Arrays.stream(io.mlsysim.core.Tier.values())
          .noneMatch(t -> t.id().equalsIgnoreCase(tier))) {
        throw new IllegalArgumentException("--tier: no tier '" + tier + "'; use model, solver or optimizer");
      }
      global.out().print(new Listing<>(ZooColumns.RESOLVERS).render(infos, global.format()));
      global.out().flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "scenarios", description = "Named scenarios: workload, system, SLA, power budget.")
  static final class ScenarioList extends ListCommand<Scenario> {
    ScenarioList() {
      super(Zoo::scenarios, ZooColumns.SCENARIOS);
    }
  }
}
