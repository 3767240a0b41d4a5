package io.mlsysim.zoo;

import io.mlsysim.text.NameMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entries of one kind (hardware, workloads, …), looked up by name without regard to case.
 * Entries keep the order of the files they came from.
 */
public final class Registry<T> {
  private final String kind;
  private final Map<String, ZooEntry<T>> byKey = new LinkedHashMap<>();

  Registry(String kind) {
    this.kind = kind;
  }

  /** What the registry holds, e.g. "hardware". */
  public String kind() {
    return kind;
  }

  /** The entry called {@code name} (any case), or an {@link UnknownEntryException} with suggestions. */
  public T get(String name) {
    ZooEntry<T> e = byKey.get(key(name));
    if (e == null) {
      throw new UnknownEntryException(kind, name, NameMatcher.suggest(name, names()));
    }
    return e.value();
  }

  public boolean contains(String name) {
    return byKey.containsKey(key(name));
  }

  /** Entry with where it came from (tier, file, line). */
  public ZooEntry<T> entry(String name) {
    get(name);
    return byKey.get(key(name));
  }

  public List<T> list() {
    List<T> out = new ArrayList<>();
    byKey.values().forEach(e -> out.add(e.value()));
    return Collections.unmodifiableList(out);
  }

  /** Entries of one tier (e.g. "cloud"), in file order. */
  public List<T> list(String tier) {
    List<T> out = new ArrayList<>();
    for (ZooEntry<T> e : byKey.values()) {
      if (e.tier().equalsIgnoreCase(tier)) {
        out.add(e.value());
      }
    }
    return Collections.unmodifiableList(out);
  }

  public List<ZooEntry<T>> entries() {
    return List.copyOf(byKey.values());
  }

  public List<String> names() {
    List<String> out = new ArrayList<>();
    byKey.values().forEach(e -> out.add(e.name()));
    return out;
  }

  /** Tiers in first-seen order. */
  public List<String> tiers() {
    List<String> out = new ArrayList<>();
    for (ZooEntry<T> e : byKey.values()) {
      if (!out.contains(e.tier())) {
        out.add(e.tier());
      }
    }
    return out;
  }

  public int size() {
    return byKey.size();
  }

  void put(ZooEntry<T> entry) {
    byKey.put(key(entry.name()), entry);
  }

  ZooEntry<T> existing(String name) {
    return byKey.get(key(name));
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
