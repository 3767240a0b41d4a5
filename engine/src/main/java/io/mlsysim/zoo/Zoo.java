package io.mlsysim.zoo;

import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.infrastructure.CoolingProfile;
import io.mlsysim.infrastructure.Datacenter;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.infrastructure.Price;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.ComponentReliability;
import io.mlsysim.systems.Fabric;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.systems.Pod;
import io.mlsysim.systems.Rack;
import io.mlsysim.systems.RecoveryPhase;
import io.mlsysim.systems.StorageTier;
import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.spec.EntrySpec;
import io.mlsysim.zoo.spec.HardwareSpec;
import io.mlsysim.zoo.spec.InfrastructureSpecs;
import io.mlsysim.zoo.spec.ScenarioSpec;
import io.mlsysim.zoo.spec.SystemSpecs;
import io.mlsysim.zoo.spec.WorkloadSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every registry of the engine: the built-in zoo shipped as YAML resources, plus any user
 * overlays. Immutable once built; {@link #current()} is the one the facades
 * ({@code Hardware.get("H100")}) read.
 */
public final class Zoo {
  /** Origin label of built-in entries. */
  public static final String BUILT_IN = "built-in";
  /** Environment variable (and system property {@code mlsysim.registry}) naming overlay files or folders. */
  public static final String OVERLAY_ENV = "MLSYSIM_REGISTRY";

  private static final String DATA = "io/mlsysim/zoo/data/";
  private static volatile Zoo current;

  private final Registry<HardwareNode> hardware = new Registry<>("hardware");
  private final Registry<Workload> workloads = new Registry<>("workload");
  private final Registry<Node> nodes = new Registry<>("node");
  private final Registry<Fabric> fabrics = new Registry<>("fabric");
  private final Registry<Fleet> fleets = new Registry<>("fleet");
  private final Registry<Rack> racks = new Registry<>("rack");
  private final Registry<Pod> pods = new Registry<>("pod");
  private final Registry<StorageTier> storage = new Registry<>("storage tier");
  private final Registry<ComponentReliability> reliability = new Registry<>("component");
  private final Registry<RecoveryPhase> recovery = new Registry<>("recovery phase");
  private final Registry<GridProfile> grids = new Registry<>("grid");
  private final Registry<CoolingProfile> cooling = new Registry<>("cooling profile");
  private final Registry<Datacenter> datacenters = new Registry<>("datacenter");
  private final Registry<Price> prices = new Registry<>("price");
  private final Registry<Scenario> scenarios = new Registry<>("scenario");
  private final List<OverlayText> overlays = new ArrayList<>();
  private String digest;

  /**
   * An overlay file's origin (its path on the machine that read it) and content: what a Spark
   * driver ships to executors, which may not see the driver's files.
   */
  public record OverlayText(String origin, String text) implements java.io.Serializable {}

  private Zoo() {}

  /** The built-in zoo alone. */
  public static Zoo builtIn() {
    return withOverlays(List.of());
  }

  /** The built-in zoo with overlay files (or folders of *.yaml files) applied in order. */
  public static Zoo withOverlays(List<Path> overlayPaths) {
    List<OverlayText> texts = new ArrayList<>();
    for (Path p : expand(overlayPaths)) {
      texts.add(new OverlayText(p.toString(), readFile(p)));
    }
    return withOverlayTexts(texts);
  }

  /** The built-in zoo with overlays given as text, applied in order (as {@link #withOverlays}). */
  public static Zoo withOverlayTexts(List<OverlayText> overlayTexts) {
    Zoo zoo = new Zoo();
    List<ZooFileReader.ZooFile> files = new ArrayList<>();
    for (String resource : builtInResources()) {
      files.add(ZooFileReader.read(BUILT_IN + ":" + resource, readResource(DATA + resource)));
    }
    for (OverlayText o : overlayTexts) {
      zoo.overlays.add(o);
      files.add(ZooFileReader.read(o.origin(), o.text()));
    }
    // Kinds load in dependency order so a node can name a chip an overlay added.
    for (ZooKind kind : ZooKind.values()) {
      for (ZooFileReader.ZooFile f : files) {
        if (f.kind() == kind) {
          zoo.bindFile(f);
        }
      }
    }
    zoo.digest = ZooDigest.of(zoo);
    return zoo;
  }

  /** The zoo the engine uses by default: built-ins plus overlays named by MLSYSIM_REGISTRY. */
  public static Zoo current() {
    Zoo z = current;
    if (z == null) {
      synchronized (Zoo.class) {
        if (current == null) {
          current = withOverlays(overlaysFromEnvironment());
        }
        z = current;
      }
    }
    return z;
  }

  /** Replaces the default zoo, e.g. after the CLI read {@code --registry}. */
  public static synchronized void setCurrent(Zoo zoo) {
    current = zoo;
  }

  /** Overlay paths named by MLSYSIM_REGISTRY (or -Dmlsysim.registry), in order. */
  public static List<Path> overlaysFromEnvironment() {
    String spec = System.getProperty("mlsysim.registry", System.getenv(OVERLAY_ENV));
    List<Path> out = new ArrayList<>();
    if (spec != null && !spec.isBlank()) {
      for (String part : spec.split(java.io.File.pathSeparator)) {
        if (!part.isBlank()) {
          out.add(Path.of(part.trim()));
        }
      }
    }
    return out;
  }

  public Registry<HardwareNode> hardware() {
    return hardware;
  }

  public Registry<Workload> workloads() {
    return workloads;
  }

  public Registry<Node> nodes() {
    return nodes;
  }

  public Registry<Fabric> fabrics() {
    return fabrics;
  }

  public Registry<Fleet> fleets() {
    return fleets;
  }

  public Registry<Rack> racks() {
    return racks;
  }

  public Registry<Pod> pods() {
    return pods;
  }

  public Registry<StorageTier> storage() {
    return storage;
  }

  public Registry<ComponentReliability> reliability() {
    return reliability;
  }

  public Registry<RecoveryPhase> recovery() {
    return recovery;
  }

  public Registry<GridProfile> grids() {
    return grids;
  }

  public Registry<CoolingProfile> cooling() {
    return cooling;
  }

  public Registry<Datacenter> datacenters() {
    return datacenters;
  }

  public Registry<Price> prices() {
    return prices;
  }

  public Registry<Scenario> scenarios() {
    return scenarios;
  }

  /** Every registry, keyed by kind, in load order. */
  public Map<String, Registry<?>> registries() {
    java.util.LinkedHashMap<String, Registry<?>> m = new java.util.LinkedHashMap<>();
    for (Registry<?> r : List.of(hardware, workloads, nodes, fabrics, fleets, racks, pods, storage, reliability,
        recovery, grids, cooling, datacenters, prices, scenarios)) {
      m.put(r.kind(), r);
    }
    return m;
  }

  /** Overlay files applied on top of the built-ins, in order. */
  public List<String> overlays() {
    return overlays.stream().map(OverlayText::origin).toList();
  }

  /** The overlays with their content, in order: enough to rebuild this zoo elsewhere. */
  public List<OverlayText> overlayTexts() {
    return List.copyOf(overlays);
  }

  /** SHA-256 (hex) over the canonical content of every entry: same numbers, same digest. */
  public String digest() {
    return digest;
  }

  @SuppressWarnings("unchecked")
  private void bindFile(ZooFileReader.ZooFile f) {
    for (Map.Entry<String, Object> e : f.entries().entrySet()) {
      String name = e.getKey();
      int line = f.lines().getOrDefault(name, 0);
      EntryContext c = new EntryContext(f.origin(), line, f.kind().id(), name);
      EntrySpec spec = (EntrySpec) e.getValue();
      if (spec == null) {
        throw c.error(line, "the entry is empty");
      }
      switch (f.kind()) {
        case HARDWARE -> add(hardware, c, f, spec, HardwareBinder.bind(c, f.tier(), (HardwareSpec) spec));
        case WORKLOAD -> add(workloads, c, f, spec, WorkloadBinder.bind(c, f.tier(), (WorkloadSpec) spec));
        case NODE -> add(nodes, c, f, spec, SystemsBinder.node(c, (SystemSpecs.NodeSpec) spec, hardware));
        case FABRIC -> add(fabrics, c, f, spec, SystemsBinder.fabric(c, (SystemSpecs.FabricSpec) spec));
        case FLEET -> add(fleets, c, f, spec, SystemsBinder.fleet(c, (SystemSpecs.FleetSpec) spec, nodes, fabrics));
        case RACK -> add(racks, c, f, spec, SystemsBinder.rack(c, (SystemSpecs.RackSpec) spec, nodes));
        case POD -> add(pods, c, f, spec, SystemsBinder.pod(c, (SystemSpecs.PodSpec) spec, hardware));
        case STORAGE -> add(storage, c, f, spec, SystemsBinder.storage(c, (SystemSpecs.StorageTierSpec) spec));
        case RELIABILITY -> add(reliability, c, f, spec,
            SystemsBinder.reliability(c, (SystemSpecs.ReliabilitySpec) spec));
        case RECOVERY -> add(recovery, c, f, spec, SystemsBinder.recovery(c, (SystemSpecs.RecoverySpec) spec));
        case GRID -> add(grids, c, f, spec, InfrastructureBinder.grid(c, (InfrastructureSpecs.GridSpec) spec));
        case COOLING -> add(cooling, c, f, spec,
            InfrastructureBinder.cooling(c, (InfrastructureSpecs.CoolingSpec) spec));
        case DATACENTER -> add(datacenters, c, f, spec,
            InfrastructureBinder.datacenter(c, (InfrastructureSpecs.DatacenterSpec) spec, grids, cooling));
        case PRICE -> add(prices, c, f, spec, InfrastructureBinder.price(c, (InfrastructureSpecs.PriceSpec) spec));
        case SCENARIO -> add(scenarios, c, f, spec,
            ScenarioBinder.bind(c, (ScenarioSpec) spec, workloads, hardware, fleets));
      }
    }
  }

  private <T> void add(Registry<T> registry, EntryContext c, ZooFileReader.ZooFile f, EntrySpec spec, T value) {
    ZooEntry<T> old = registry.existing(c.name());
    boolean builtInFile = f.origin().startsWith(BUILT_IN);
    if (old != null && !spec.override) {
      throw c.error(f.lines().getOrDefault(c.name(), 0), registry.kind() + " '" + c.name() + "' already exists ("
          + old.origin() + (old.line() > 0 ? ":" + old.line() : "") + "); set 'override: true' on the entry to replace it");
    }
    if (old == null && spec.override) {
      throw c.error(f.lines().getOrDefault(c.name(), 0), "'override: true' but there is no "
          + registry.kind() + " '" + c.name() + "' to replace; remove the flag to add a new entry");
    }
    if (builtInFile && spec.override) {
      throw c.error(0, "built-in entries must not use 'override'");
    }
    registry.put(new ZooEntry<>(c.name(), value, f.tier(), f.origin(), f.lines().getOrDefault(c.name(), 0)));
  }

  private static List<String> builtInResources() {
    List<String> out = new ArrayList<>();
    for (String line : readResource(DATA + "index.txt").split("\n")) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(t);
      }
    }
    return out;
  }

  private static String readResource(String path) {
    try (InputStream in = Zoo.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("zoo resource missing from the engine jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Largest overlay file read. An overlay holds a few entries (hardware, workloads, fleets), and
   * its whole text travels with every study run to each executor; a larger file is refused
   * before it is parsed.
   */
  public static final long MAX_OVERLAY_BYTES = 4L << 20;

  private static String readFile(Path p) {
    try {
      return io.mlsysim.text.UserFiles.read(p, "overlay file", MAX_OVERLAY_BYTES,
          "an overlay holds a few zoo entries, and its text travels with every study run to each executor");
    } catch (IllegalArgumentException e) {
      throw new ZooException(e.getMessage(), e);
    }
  }

  private static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted(Comparator.naturalOrder()).forEach(out::add);
        } catch (IOException e) {
          throw new ZooException(p + ": cannot list overlay folder (" + e.getMessage() + ")", e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new ZooException(p + ": overlay file or folder not found");
      }
    }
    return out;
  }
}
