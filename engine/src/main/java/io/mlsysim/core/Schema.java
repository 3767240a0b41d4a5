package io.mlsysim.core;

import io.mlsysim.units.QuantityKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a resolver is, in data: its name, tier, the walls it covers, the ports it requires and
 * produces, and the fallacies it can teach. Pipelines, the plugin factory, the CLI and the test
 * kit all work from the schema, never from reflection on the resolver's code.
 */
public final class Schema {

  /** Direction of an optimizer's objective. */
  public enum Goal { MINIMIZE, MAXIMIZE }

  private final String name;
  private final Tier tier;
  private final String description;
  private final List<WallRef> walls;
  private final List<Port<?>> requires;
  private final List<Port<?>> produces;
  private final List<Fallacy> fallacies;
  private final QuantityKind objectiveKind;
  private final Goal goal;

  private Schema(Builder b) {
    this.name = b.name;
    this.tier = b.tier;
    this.description = b.description;
    this.walls = List.copyOf(new TreeSet<>(b.walls));
    this.requires = List.copyOf(b.requires);
    this.produces = List.copyOf(b.produces);
    this.fallacies = List.copyOf(b.fallacies);
    this.objectiveKind = b.objectiveKind;
    this.goal = b.goal;
  }

  public static Builder model(String name) {
    return new Builder(name, Tier.MODEL);
  }

  public static Builder solver(String name) {
    return new Builder(name, Tier.SOLVER);
  }

  public static Builder optimizer(String name) {
    return new Builder(name, Tier.OPTIMIZER);
  }

  public String name() {
    return name;
  }

  public Tier tier() {
    return tier;
  }

  public String description() {
    return description;
  }

  /** Walls covered, sorted, without duplicates. */
  public List<WallRef> walls() {
    return walls;
  }

  public List<Port<?>> requires() {
    return requires;
  }

  public List<Port<?>> produces() {
    return produces;
  }

  public List<Fallacy> fallacies() {
    return fallacies;
  }

  /** Dimension of an optimizer's objective value; null for models and solvers. */
  public QuantityKind objectiveKind() {
    return objectiveKind;
  }

  /** Whether an optimizer minimizes or maximizes; null for models and solvers. */
  public Goal goal() {
    return goal;
  }

  /** The produced port called {@code portName}, or null. */
  public Port<?> produced(String portName) {
    for (Port<?> p : produces) {
      if (p.name().equals(portName)) {
        return p;
      }
    }
    return null;
  }

  /** The required port called {@code portName}, or null. */
  public Port<?> required(String portName) {
    for (Port<?> p : requires) {
      if (p.name().equals(portName)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append(" (").append(tier.id()).append(')');
    if (!walls.isEmpty()) {
      s.append(" walls ").append(wallList());
    }
    s.append("\n  requires: ").append(ports(requires));
    s.append("\n  produces: ").append(ports(produces));
    if (objectiveKind != null) {
      s.append("\n  objective: ").append(goal.name().toLowerCase(java.util.Locale.ROOT))
          .append(' ').append(objectiveKind.label());
    }
    return s.toString();
  }

  /** "1, 2, 22" */
  public String wallList() {
    List<String> n = new ArrayList<>();
    for (WallRef w : walls) {
      n.add(Integer.toString(w.number()));
    }
    return String.join(", ", n);
  }

  private static String ports(List<Port<?>> ports) {
    if (ports.isEmpty()) {
      return "(none)";
    }
    List<String> out = new ArrayList<>();
    for (Port<?> p : ports) {
      out.add(p.toString());
    }
    return String.join(", ", out);
  }

  /** Collects a schema; {@link #build()} refuses duplicate port names. */
  public static final class Builder {
    private final String name;
    private final Tier tier;
    private String description = "";
    private final List<WallRef> walls = new ArrayList<>();
    private final List<Port<?>> requires = new ArrayList<>();
    private final List<Port<?>> produces = new ArrayList<>();
    private final List<Fallacy> fallacies = new ArrayList<>();
    private QuantityKind objectiveKind;
    private Goal goal;

    private Builder(String name, Tier tier) {
      if (name == null || name.isBlank() || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("resolver name '" + name
            + "' must be an identifier such as PowerEfficiencyModel");
      }
      this.name = name;
      this.tier = tier;
    }

    public Builder describedAs(String text) {
      this.description = Objects.requireNonNull(text);
      return this;
    }

    public Builder walls(int... numbers) {
      for (int n : numbers) {
        walls.add(new WallRef(n));
      }
      return this;
    }

    public Builder requires(Port<?>... ports) {
      Collections.addAll(requires, ports);
      return this;
    }

    public Builder produces(Port<?>... ports) {
      Collections.addAll(produces, ports);
      return this;
    }

    public Builder fallacy(String misconception, String reality) {
      fallacies.add(new Fallacy(misconception, reality));
      return this;
    }

    /** Optimizers only: the dimension and direction of the objective. */
    public Builder objective(QuantityKind kind, Goal direction) {
      if (tier != Tier.OPTIMIZER) {
        throw new IllegalArgumentException(name + ": only optimizers have an objective");
      }
      this.objectiveKind = Objects.requireNonNull(kind);
      this.goal = Objects.requireNonNull(direction);
      return this;
    }

    public Schema build() {
      Set<String> seen = new HashSet<>();
      for (Port<?> p : requires) {
        if (!seen.add(p.name())) {
          throw new IllegalArgumentException(name + " requires port '" + p.name() + "' twice");
        }
      }
      Set<String> out = new HashSet<>();
      for (Port<?> p : produces) {
        if (!out.add(p.name())) {
          throw new IllegalArgumentException(name + " produces port '" + p.name() + "' twice");
        }
        if (seen.contains(p.name())) {
          throw new IllegalArgumentException(name + " both requires and produces '" + p.name()
              + "'; give the output its own name (e.g. " + p.name() + "_out)");
        }
      }
      if (tier == Tier.OPTIMIZER && objectiveKind == null) {
        throw new IllegalArgumentException(name + " is an optimizer: declare what it optimizes, "
            + "e.g. .objective(QuantityKind.MONEY, Goal.MINIMIZE)");
      }
      return new Schema(this);
    }
  }
}
