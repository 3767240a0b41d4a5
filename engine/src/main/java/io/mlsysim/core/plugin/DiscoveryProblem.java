package io.mlsysim.core.plugin;

/**
 * Something discovery could not use: a service entry naming a missing class, a constructor
 * that threw, a jar that cannot be opened, a plugin refused for reusing a built-in's name.
 * Problems are reported, never thrown, so one broken plugin cannot take the engine down.
 *
 * @param source the jar, directory or "classpath"
 * @param entry the provider class or resolver name concerned, when known
 */
public record DiscoveryProblem(String source, String entry, String message, Throwable cause) {
  @Override
  public String toString() {
    return source + (entry == null ? "" : " [" + entry + "]") + ": " + message;
  }
}
