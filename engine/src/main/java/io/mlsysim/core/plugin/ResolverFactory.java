package io.mlsysim.core.plugin;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.Schema;
import io.mlsysim.text.NameMatcher;
import io.mlsysim.zoo.UnknownEntryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Finds resolvers by name: the engine's built-ins, plugins on the class path, and plugin jars or
 * directories passed explicitly. Discovery uses {@link ServiceLoader} with {@link Resolver}
 * itself as the service type: plugin authors learn one interface, declare their classes in
 * {@code META-INF/services/io.mlsysim.core.Resolver}, and ServiceLoader's providers give us a
 * fresh instance per {@link #get} without any reflection of our own.
 *
 * <p>A broken plugin (missing class, throwing constructor, unreadable jar) becomes a
 * {@link DiscoveryProblem} in {@link #report()}; a plugin reusing a built-in's name is refused
 * unless the factory was created with {@code allowOverride}.
 */
public final class ResolverFactory {
  static final String SERVICE_FILE = "META-INF/services/" + Resolver.class.getName();
  private static final String CLASSPATH = "classpath";

  private record Entry(ResolverInfo info, Supplier<Resolver<?>> supplier) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<DiscoveryProblem> problems = new ArrayList<>();
  private final boolean allowOverride;

  private ResolverFactory(boolean allowOverride) {
    this.allowOverride = allowOverride;
  }

  /** Built-ins plus whatever the class path (or the thread's context class loader) provides. */
  public static ResolverFactory standard() {
    return withPlugins(List.of(), false);
  }

  /** {@link #standard()} plus plugin jars or class directories; built-in names are protected. */
  public static ResolverFactory withPlugins(List<Path> plugins) {
    return withPlugins(plugins, false);
  }

  /**
   * {@link #standard()} plus plugin jars or class directories, each in its own class loader so
   * that one broken jar cannot hide another's resolvers.
   *
   * @param allowOverride let a plugin replace a built-in of the same name
   */
  public static ResolverFactory withPlugins(List<Path> plugins, boolean allowOverride) {
    ResolverFactory f = new ResolverFactory(allowOverride);
    ClassLoader base = Thread.currentThread().getContextClassLoader();
    if (base == null) {
      base = ResolverFactory.class.getClassLoader();
    }
    f.scan(base, CLASSPATH, null);
    for (Path p : plugins) {
      f.scanPlugin(p, base);
    }
    return f;
  }

  /** Every available resolver's schema by name, sorted. */
  public SortedMap<String, Schema> listAvailable() {
    SortedMap<String, Schema> m = new TreeMap<>();
    entries.forEach((n, e) -> m.put(n, e.info().schema()));
    return Collections.unmodifiableSortedMap(m);
  }

  /** Where each available resolver came from. */
  public List<ResolverInfo> infos() {
    List<ResolverInfo> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(e.info());
    }
    return out;
  }

  /**
   * A new instance of the resolver called {@code name} (exact name, or unique case-insensitive
   * match).
   *
   * @throws UnknownEntryException with the nearest names ("did you mean …?")
   */
  public Resolver<?> get(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      for (Map.Entry<String, Entry> c : entries.entrySet()) {
        if (c.getKey().equalsIgnoreCase(name)) {
          e = c.getValue();
          break;
        }
      }
    }
    if (e == null) {
      DiscoveryProblem broken = brokenProvider(name);
      if (broken != null) {
        throw new IllegalArgumentException("resolver '" + name + "' could not be loaded: " + broken);
      }
      throw new UnknownEntryException("resolver", name, NameMatcher.suggest(name, entries.keySet()));
    }
    return e.supplier().get();
  }

  /**
   * The discovery problem of a provider class named like {@code name} (its simple name, ignoring
   * case), or null. A resolver whose class cannot be built never registers its name, so without
   * this a broken plugin would look like a typo.
   */
  public DiscoveryProblem brokenProvider(String name) {
    for (DiscoveryProblem p : problems) {
      String entry = p.entry();
      if (entry != null && entry.substring(entry.lastIndexOf('.') + 1).equalsIgnoreCase(name)) {
        return p;
      }
    }
    return null;
  }

  /** What was found and what was skipped. */
  public DiscoveryReport report() {
    return new DiscoveryReport(infos(), problems);
  }

  private void scanPlugin(Path path, ClassLoader parent) {
    String source = path.toString();
    if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && source.endsWith(".jar"))) {
      problems.add(new DiscoveryProblem(source, null, Files.exists(path)
          ? "not a jar or a class directory" : "no such file", null));
      return;
    }
    URLClassLoader loader;
    try {
      loader = new URLClassLoader("plugin:" + path.getFileName(), new URL[] {path.toUri().toURL()}, parent);
    } catch (IOException e) {
      problems.add(new DiscoveryProblem(source, null, "cannot open: " + e.getMessage(), e));
      return;
    }
    Set<String> own = ownServiceEntries(loader, source);
    if (own.isEmpty()) {
      problems.add(new DiscoveryProblem(source, null, "declares no resolvers: add " + SERVICE_FILE
          + " listing the resolver classes, one per line", null));
      return;
    }
    scan(loader, source, own);
  }

  /** Provider class names listed by this loader's own jar, not its parents'. */
  private Set<String> ownServiceEntries(URLClassLoader loader, String source) {
    Set<String> names = new HashSet<>();
    try {
      Enumeration<URL> urls = loader.findResources(SERVICE_FILE);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        java.net.URLConnection c = url.openConnection();
        c.setUseCaches(false); // a cached JarFile would keep the plugin jar open and stale
        try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            int hash = line.indexOf('#');
            String n = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!n.isEmpty()) {
              names.add(n);
            }
          }
        }
      }
    } catch (IOException e) {
      problems.add(new DiscoveryProblem(source, null, "cannot read " + SERVICE_FILE + ": " + e.getMessage(), e));
    }
    return names;
  }

  /**
   * Loads providers visible to {@code loader}. With {@code own} set (a plugin jar), providers
   * and errors that belong to parent loaders are ignored: the class-path scan reports those.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private void scan(ClassLoader loader, String source, Set<String> own) {
    Iterator<ServiceLoader.Provider<Resolver>> it = ServiceLoader.load(Resolver.class, loader).stream().iterator();
    int failures = 0;
    while (failures < 1000) { // ServiceLoader recovers after an error on a best-effort basis
      ServiceLoader.Provider<Resolver> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        failures++;
        String entry = entryIn(e, own);
        if (own == null || entry != null) {
          problems.add(new DiscoveryProblem(source, entry, "bad service entry: " + e.getMessage(), e));
        }
        continue;
      }
      Class<? extends Resolver> type = provider.type();
      if (own != null && (type.getClassLoader() != loader || !own.contains(type.getName()))) {
        continue;
      }
      Resolver<?> sample;
      try {
        sample = provider.get();
        sample.schema().name(); // a resolver whose schema throws is as unusable as one that cannot be built
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        problems.add(new DiscoveryProblem(source, type.getName(), "could not create the resolver: " + why(type, cause), e));
        continue;
      }
      Origin origin = own != null ? Origin.PLUGIN : isBuiltIn(type) ? Origin.BUILT_IN : Origin.CLASSPATH;
      String where = origin == Origin.BUILT_IN ? "engine" : source;
      ResolverInfo info = new ResolverInfo(sample.schema(), origin, where, type.getName());
      register(new Entry(info, () -> (Resolver<?>) provider.get()));
    }
  }

  /** What went wrong, down to the root cause: a failed static initializer hides it one level down. */
  private static String why(Class<?> type, Throwable t) {
    if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
      return "the static initializer of " + type.getName() + " threw " + t.getCause();
    }
    if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).startsWith("Could not initialize class")) {
      return t.getMessage() + " (its static initializer failed earlier)";
    }
    return t.getCause() == null || t.getCause() == t ? t.toString() : t + ", caused by " + t.getCause();
  }

  private void register(Entry e) {
    String name = e.info().name();
    Entry prev = entries.get(name);
    if (prev == null) {
      entries.put(name, e);
      return;
    }
    if (prev.info().origin() == Origin.BUILT_IN && e.info().origin() != Origin.BUILT_IN) {
      if (allowOverride) {
        entries.put(name, e);
        problems.add(new DiscoveryProblem(e.info().source(), name, "overrides the built-in "
            + name + " (allowOverride is on)", null));
      } else {
        problems.add(new DiscoveryProblem(e.info().source(), name, "refused: '" + name
            + "' is the name of a built-in resolver; rename the plugin's resolver, or allow "
            + "overriding explicitly (ResolverFactory.withPlugins(paths, true))", null));
      }
      return;
    }
    problems.add(new DiscoveryProblem(e.info().source(), name, "ignored: a resolver named '" + name
        + "' was already found in " + prev.info().source() + " (" + prev.info().className() + ")", null));
  }

  /** Built-ins live in the engine's namespace and are loaded by the engine's own loader. */
  private static boolean isBuiltIn(Class<?> type) {
    return type.getName().startsWith("io.mlsysim.")
        && type.getClassLoader() == ResolverFactory.class.getClassLoader();
  }

  private static String entryIn(ServiceConfigurationError e, Set<String> own) {
    String msg = String.valueOf(e.getMessage());
    if (own == null) {
      return null;
    }
    for (String n : own) {
      if (msg.contains(n)) {
        return n;
      }
    }
    return null;
  }
}
